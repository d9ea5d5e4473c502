//! Intralesional sodium thiosulfate (R3, R4): being built, see issue 4.
