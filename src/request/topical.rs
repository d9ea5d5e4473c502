//! The JSON request for topical plans: being built, see issue 5.
