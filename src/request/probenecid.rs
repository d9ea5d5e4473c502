//! The JSON request for probenecid plans: being built, see issue 3.
