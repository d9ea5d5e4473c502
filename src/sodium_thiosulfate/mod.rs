//! Sodium thiosulfate for calcinosis cutis: intralesional injection
//! (regimens R3 and R4) and topical 10 % cream (regimen R5).

pub mod intralesional;
pub mod topical;
