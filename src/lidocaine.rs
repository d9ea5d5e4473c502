//! Lidocaine for the ring block: being built, see issue 4.
