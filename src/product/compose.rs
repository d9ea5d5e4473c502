//! Composing a dose from a solid product's strengths: the fewest pieces.

use smallvec::SmallVec;

use super::{
    Give, MAX_SOLID_STEPS, Part, SolidForm, Splitting, UG_PER_MG, UnitStrength, exact_f64,
};

/// Whether one piece (a unit, or a half where halves are allowed) is one
/// step: then every count of steps up to the limit can be made.
pub(super) fn one_step_piece(strengths_ug: &[u64], splitting: Splitting, step_ug: u64) -> bool {
    strengths_ug
        .iter()
        .any(|&s| s == step_ug || (splitting == Splitting::Halves && s / 2 == step_ug))
}

/// The fewest pieces (whole units first, then halves) that make `steps`.
pub(super) fn compose(
    form: SolidForm,
    strengths_ug: &[u64],
    splitting: Splitting,
    step_ug: u64,
    steps: u64,
) -> Option<Give> {
    if steps > MAX_SOLID_STEPS {
        return None;
    }
    // Piece sizes in steps: (size, strength index, halves in the piece).
    let mut pieces: SmallVec<[(u64, usize, u64); 8]> = SmallVec::new();
    for (i, s) in strengths_ug.iter().enumerate() {
        pieces.push((s / step_ug, i, 2));
        if splitting == Splitting::Halves {
            pieces.push((s / 2 / step_ug, i, 1));
        }
    }
    // Minimal-count change making; cost ranks fewer pieces, then fewer halves.
    let n = usize::try_from(steps).ok()?;
    // Inline for the few steps of a usual dose; on the heap beyond.
    let mut best: SmallVec<[Option<(u64, usize)>; 32]> = smallvec::smallvec![None; n + 1];
    let mut cost: SmallVec<[u64; 32]> = smallvec::smallvec![u64::MAX; n + 1];
    *cost.first_mut()? = 0;
    for amount in 1..=n {
        for (p, &(size, _, halves)) in pieces.iter().enumerate() {
            let Ok(size) = usize::try_from(size) else {
                continue;
            };
            if size == 0 || size > amount {
                continue;
            }
            let prev = cost.get(amount - size).copied().unwrap_or(u64::MAX);
            if prev == u64::MAX {
                continue;
            }
            let here = prev + 100 + u64::from(halves == 1);
            if here < cost.get(amount).copied().unwrap_or(u64::MAX)
                && let (Some(c), Some(b)) = (cost.get_mut(amount), best.get_mut(amount))
            {
                *c = here;
                *b = Some((size as u64, p));
            }
        }
    }
    // Walk back, counting halves per strength.
    let mut halves_per_strength: SmallVec<[u64; 8]> = smallvec::smallvec![0; strengths_ug.len()];
    let mut amount = n;
    while amount > 0 {
        let (size, p) = (*best.get(amount)?)?;
        let &(_, i, halves) = pieces.get(p)?;
        *halves_per_strength.get_mut(i)? += halves;
        amount -= usize::try_from(size).ok()?;
    }
    let parts = strengths_ug
        .iter()
        .zip(halves_per_strength)
        .filter(|&(_, h)| h > 0)
        .map(|(&ug, halves)| Part::new(halves, UnitStrength::derived(exact_f64(ug) / UG_PER_MG)))
        .collect();
    Some(Give::Solid { form, parts })
}
