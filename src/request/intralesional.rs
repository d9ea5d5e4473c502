//! The JSON request for intralesional plans: being built, see issue 4.
