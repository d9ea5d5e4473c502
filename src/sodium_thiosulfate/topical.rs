//! Topical 10 % sodium thiosulfate (R5): being built, see issue 5.
