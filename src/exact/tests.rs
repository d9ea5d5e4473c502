//! Unit tests and properties of the module: every fast path against
//! `Ratio`'s own arithmetic.
use std::cmp::Ordering;

use num_traits::{CheckedDiv, CheckedMul, CheckedSub, Signed, Zero};

use super::fraction::*;
use super::*;

fn d(x: f64) -> Exact {
    decimal(x).unwrap()
}

/// An exact number of any size the crate meets (a weight in grams
/// times a rate read to nine decimals is about 10^15 over 10^12), and
/// larger, while `Ratio`'s own arithmetic (the reference) still fits.
fn any_exact() -> impl proptest::strategy::Strategy<Value = Exact> {
    use proptest::prelude::*;
    let numer = prop_oneof![
        -1_000_000_i128..=1_000_000,
        -1_000_000_000_000_000_000_i128..=1_000_000_000_000_000_000,
    ];
    let denom = prop_oneof![1_i128..=1_000, 1_i128..=1_000_000_000_000];
    (numer, denom).prop_map(|(n, d)| frac(n, d))
}

proptest::proptest! {
    /// The whole counts next to an amount, and a count of steps, are
    /// what `Ratio` division and multiplication give.
    #[test]
    fn integer_steps_are_ratio_steps(
        amount in any_exact(),
        step in any_exact(),
        k in 0_u64..=1_000_000,
    ) {
        let (amount, step) = (amount.abs(), step.abs());
        let by_ratio = div(amount, step).and_then(|x| {
            Some((
                u64::try_from(x.floor().to_integer()).ok()?,
                u64::try_from(x.ceil().to_integer()).ok()?,
            ))
        });
        proptest::prop_assert_eq!(neighbours(amount, step), by_ratio);
        proptest::prop_assert_eq!(times(step, k), Some(step * int(i128::from(k))));
    }
}

proptest::proptest! {
    /// The 64-bit reduction, the one-step products and the percent
    /// deviation are `Ratio`'s own results.
    #[test]
    fn fast_arithmetic_is_ratio_arithmetic(a in any_exact(), b in any_exact()) {
        proptest::prop_assert_eq!(frac(*a.numer() * 7, *a.denom() * 7), a);
        proptest::prop_assert_eq!(mul(a, b), a.checked_mul(&b));
        let by_ratio = if b.is_zero() { None } else { a.checked_div(&b) };
        proptest::prop_assert_eq!(div(a, b), by_ratio);
        let by_ratio = deviation(a, b).map(|d| d * int(100));
        proptest::prop_assert_eq!(deviation_percent(a, b), by_ratio);
        #[allow(clippy::cast_precision_loss, reason = "the reference conversion")]
        let by_i128 = (*a.numer() as f64) / (*a.denom() as f64);
        proptest::prop_assert_eq!(to_f64(a).to_bits(), by_i128.to_bits());
    }
}

proptest::proptest! {
    /// A small fraction kept out of lowest terms is the same number:
    /// equal, the same `f64`, and whole exactly when its lowest terms
    /// are.
    #[test]
    fn unreduced_fractions_are_the_same_numbers(
        n in -(1_i128 << 53)..=(1_i128 << 53),
        d in 1_i128..=(1_i128 << 53),
        k in 1_i128..=1_000,
    ) {
        let lowest = Exact::new(n, d);
        let kept = frac(n, d);
        proptest::prop_assert_eq!(kept, lowest);
        proptest::prop_assert_eq!(to_f64(kept).to_bits(), to_f64(lowest).to_bits());
        proptest::prop_assert_eq!(is_whole(kept), lowest.is_integer());
        // Scaled past 2^53, it is brought back to lowest terms.
        let scaled = frac(n * (1 << 54) * k, d * (1 << 54) * k);
        proptest::prop_assert_eq!(
            (*scaled.numer(), *scaled.denom()),
            (*lowest.numer(), *lowest.denom())
        );
        proptest::prop_assert_eq!(to_f64(scaled).to_bits(), to_f64(lowest).to_bits());
    }
}

/// The representation `reduced` promises: a fraction with both parts
/// at most 2^53 is kept as written (no gcd); one with a larger part is
/// brought to lowest terms, in 64 bits or in 128; a negative
/// numerator keeps its sign.
#[test]
fn small_fractions_are_kept_and_large_ones_reduced() {
    let kept = |x: Exact| (*x.numer(), *x.denom());
    assert_eq!(kept(frac(2, 4)), (2, 4));
    assert_eq!(kept(frac(-2, 4)), (-2, 4));
    assert_eq!(kept(frac(1 << 53, 1 << 53)), (1 << 53, 1 << 53));
    assert_eq!(kept(frac(-(1 << 53), 2)), (-(1 << 53), 2));
    assert_eq!(kept(frac((1 << 53) + 1, 2)), ((1 << 53) + 1, 2));
    // Just past 2^53 on either part: lowest terms.
    assert_eq!(kept(frac(2 * ((1 << 53) + 1), 4)), ((1 << 53) + 1, 2));
    assert_eq!(kept(frac(10, (1 << 54) + 2)), (5, (1 << 53) + 1));
    assert_eq!(kept(frac(-(1 << 60), 1 << 58)), (-4, 1));
    // Past 64 bits: `Ratio`'s own reduction.
    assert_eq!(kept(frac(3 << 100, 6 << 100)), (1, 2));
    // The nine-decimal reading of an input keeps its trimmed parts.
    assert_eq!(kept(decimal(1.5).unwrap()), (1_500, 1_000));
    assert_eq!(kept(decimal(0.3).unwrap()), (300, 1_000));
    assert_eq!(kept(decimal(16.0).unwrap()), (16, 1));
    assert_eq!(to_f64(frac(2, 4)), 0.5);
    assert!(is_whole(frac(6, 3)) && !is_whole(frac(5, 3)));
}

/// Products, quotients and counts of small fractions keep their parts:
/// the hot path does no gcd (the values are checked against `Ratio` by
/// the properties above).
#[test]
fn small_products_and_quotients_are_not_reduced() {
    let kept = |x: Exact| (*x.numer(), *x.denom());
    assert_eq!(mul(frac(1, 2), frac(2, 3)).map(kept), Some((2, 6)));
    assert_eq!(div(frac(1, 2), frac(3, 2)).map(kept), Some((2, 6)));
    assert_eq!(div(frac(1, 2), frac(-3, 2)).map(kept), Some((-2, 6)));
    assert_eq!(times(frac(1, 6), 3).map(kept), Some((3, 6)));
    assert_eq!(
        deviation_percent(frac(3, 3), frac(2, 2)).map(kept),
        Some((0, 6))
    );
}

#[test]
fn a_product_too_large_for_i128_is_none_not_a_panic() {
    let huge = int(i128::MAX / 3);
    assert_eq!(times(huge, u64::MAX), None);
    assert_eq!(times(huge, 2), Some(int(i128::MAX / 3 * 2)));
    assert_eq!(times(frac(3, 7), 7), Some(int(3)));
}

/// Any exact number to the edges of `i128`, so that every fallback
/// runs.
fn wide_exact() -> impl proptest::strategy::Strategy<Value = Exact> {
    use proptest::prelude::*;
    // Not i128::MIN: num-rational's own gcd cannot take it (its absolute
    // value does not fit), and no arithmetic of the crate's bounded
    // inputs comes near it.
    let numer = prop_oneof![
        (i128::MIN + 1)..=i128::MAX,
        Just(i128::MIN + 1),
        Just(i128::MAX),
        any::<i64>().prop_map(i128::from),
        -1_000_i128..=1_000,
    ];
    let denom = prop_oneof![
        1_i128..=i128::MAX,
        Just(i128::MAX),
        1_i128..=i128::from(i64::MAX),
        1_i128..=1_000,
    ];
    (numer, denom).prop_map(|(n, d)| Exact::new(n, d))
}

proptest::proptest! {
    /// To the edges of `i128`: never a panic, and wherever `Ratio`'s
    /// checked arithmetic gives an answer, the same answer.
    #[test]
    fn fast_paths_agree_with_ratio_to_the_edges(
        a in wide_exact(),
        b in wide_exact(),
        c in wide_exact(),
        k in proptest::prelude::any::<u64>(),
    ) {
        use proptest::prop_assert_eq;
        prop_assert_eq!(compare(a, b), a.cmp(&b));
        prop_assert_eq!(mul(a, b), a.checked_mul(&b));
        let ours = div(a, b);
        if let Some(reference) = (!b.is_zero()).then(|| a.checked_div(&b)).flatten() {
            prop_assert_eq!(ours, Some(reference));
        }
        let ours = deviation_percent(a, b);
        if let Some(reference) = deviation(a, b).and_then(|d| d.checked_mul(&int(100))) {
            prop_assert_eq!(ours, Some(reference));
        }
        let ours = nearer(a, b, c);
        if let (Some(da), Some(db)) = (a.checked_sub(&c), b.checked_sub(&c)) {
            prop_assert_eq!(ours, magnitude_order(da, db).then(a.cmp(&b)));
        }
        if c > Exact::zero() {
            let t = frac(1, 10);
            let ours = within_tolerance(a, c, t);
            if let (Some(slack), Some(gap)) = (t.checked_mul(&c), a.checked_sub(&c)) {
                prop_assert_eq!(ours, magnitude_order(gap, slack).is_le());
            }
        }
        if let Some(reference) = a.checked_mul(&int(i128::from(k))) {
            prop_assert_eq!(times(a, k), Some(reference));
        }
        #[allow(clippy::cast_precision_loss, reason = "the reference conversion")]
        let by_i128 = (*a.numer() as f64) / (*a.denom() as f64);
        prop_assert_eq!(to_f64(a).to_bits(), by_i128.to_bits());
        if a >= Exact::zero() && b > Exact::zero() {
            let _ = neighbours(a, b);
        }
    }
}

#[test]
fn fallbacks_cancel_common_factors_where_cross_products_overflow() {
    // amount = 3·2^70 / (7·5^40), step = 2^70 / (11·5^40): the cross
    // products overflow i128, but the quotient is 33/7 = 4.71…
    let five_40 = 5_i128.pow(40);
    let amount = frac(3 << 70, 7 * five_40);
    let step = frac(1 << 70, 11 * five_40);
    assert_eq!(div(amount, step), Some(frac(33, 7)));
    assert_eq!(neighbours(amount, step), Some((4, 5)));
    assert_eq!(neighbours(times(step, 7).unwrap(), step), Some((7, 7)));
    // 2^100/3^20 × (2·3^19): the product overflows before cancelling.
    let x = frac(1 << 100, 3_i128.pow(20));
    assert_eq!(times(x, 2 * 3_u64.pow(19)), Some(frac(1 << 101, 3)));
}

#[test]
fn division_by_a_negative_number_keeps_its_sign() {
    // The review's case: −2^126 ÷ (−3110824839521606419/2) is
    // 2^127/3110824839521606419, which does not fit: `None`, never a
    // wrapped, negative value.
    let a = int(-(1 << 126));
    let b = frac(-3_110_824_839_521_606_419, 2);
    assert_eq!(div(a, b), a.checked_div(&b));
    assert_eq!(div(a, b), None);
    assert_eq!(div(int(6), int(-4)), Some(frac(-3, 2)));
    assert_eq!(deviation_percent(int(1), int(-2)), Some(int(-150)));
}

#[test]
fn compare_falls_back_to_ratio_beyond_i128_products() {
    // Cross products of 2^100 and 2^31 − 1 overflow i128.
    let d = (1_i128 << 31) - 1;
    let a = frac(1 << 100, d);
    let b = frac((1 << 100) + 1, d);
    assert_eq!(compare(a, b), Ordering::Less);
    assert_eq!(compare(b, a), Ordering::Greater);
    assert_eq!(compare(a, a), Ordering::Equal);
    assert!(within(a, a, b));
}

proptest::proptest! {
    /// The cross-multiplied decisions are `Ratio`'s own decisions.
    #[test]
    fn cross_multiplied_decisions_are_ratio_decisions(
        a in any_exact(),
        b in any_exact(),
        c in any_exact(),
        t in any_exact(),
    ) {
        proptest::prop_assert_eq!(compare(a, b), a.cmp(&b));
        let by_ratio = (a - c).abs().cmp(&(b - c).abs()).then(a.cmp(&b));
        proptest::prop_assert_eq!(nearer(a, b, c), by_ratio);
        let (c, t) = (c.abs(), t.abs());
        let by_ratio = (a - c).abs() <= t * c;
        proptest::prop_assert_eq!(within_tolerance(a, c, t), by_ratio);
        proptest::prop_assert_eq!(within(a, b.min(c), b.max(c)), b.min(c) <= a && a <= b.max(c));
    }
}

/// A numerator over a shared denominator: small, large, and to the
/// edges of `u64`, so that every checked operation meets its overflow.
fn any_scaled() -> impl proptest::strategy::Strategy<Value = Scaled> {
    use proptest::prelude::*;
    prop_oneof![
        0_u64..=1_000_000,
        any::<u64>(),
        (u64::MAX - 1_000)..=u64::MAX,
        Just(0),
    ]
    .prop_map(Scaled)
}

/// A numerator of the sizes a decision meets (a diltiazem order's are
/// 64-bit), and small ones.
fn decision_scaled() -> impl proptest::strategy::Strategy<Value = Scaled> {
    use proptest::prelude::*;
    prop_oneof![0_u64..=1_000, any::<u64>()].prop_map(Scaled)
}

proptest::proptest! {
    /// Over one denominator, every decision the rule makes on numerators
    /// is the decision on the fractions they stand for (the shared
    /// denominator cancels), for any denominator.
    #[test]
    fn scaled_decisions_are_exact_decisions(
        a in decision_scaled(),
        b in decision_scaled(),
        c in decision_scaled(),
        (t_num, t_den) in (0_i128..=1_000_000_000_000, 1_i128..=1_000_000_000_000),
        den in 1_i128..=1_000_000_000_000,
        k in 0_u64..=1_000_000,
    ) {
        use proptest::prop_assert_eq;
        // A tolerance of 0 to 1 (the crate's are 0 to 50 %).
        let t = frac(t_num.min(t_den), t_den);
        let over = |x: Scaled| Exact::new(i128::from(x.0), den);
        let (ea, eb, ec) = (over(a), over(b), over(c));
        prop_assert_eq!(a.order(b), ea.cmp(&eb));
        let by_ratio = (ea - ec).abs().cmp(&(eb - ec).abs()).then(ea.cmp(&eb));
        prop_assert_eq!(a.nearer(b, c), by_ratio);
        prop_assert_eq!(a.within_tolerance(c, t), (ea - ec).abs() <= t * ec);
        // `None` exactly when the numerator would not fit 64 bits.
        let by_ratio = a.0.checked_mul(k).map(|_| ea * int(i128::from(k)));
        prop_assert_eq!(a.times(k).map(over), by_ratio);
        if b.0 > 0 {
            let q = ea / eb;
            // `None` when a count does not fit 64 bits.
            let by_ratio = u64::try_from(q.floor().to_integer())
                .ok()
                .zip(u64::try_from(q.ceil().to_integer()).ok());
            prop_assert_eq!(a.counts(b), by_ratio);
        }
        if c.0 != 0 {
            prop_assert_eq!(a.deviation_percent(c), Some((ea - ec) * int(100) / ec));
        }
        prop_assert_eq!(a.over(den), ea);
    }

    /// To the edges of `u64`: never a panic, and wherever `Ratio` can
    /// work a decision out on the numerators, the same decision.
    #[test]
    fn scaled_decisions_hold_to_the_edges(
        a in any_scaled(),
        b in any_scaled(),
        c in any_scaled(),
        t in any_exact(),
        k in proptest::prelude::any::<u64>(),
    ) {
        use proptest::prop_assert_eq;
        let t = t.abs();
        let (ea, eb, ec) = (int(i128::from(a.0)), int(i128::from(b.0)), int(i128::from(c.0)));
        prop_assert_eq!(a.order(b), ea.cmp(&eb));
        if let (Some(da), Some(db)) = (ea.checked_sub(&ec), eb.checked_sub(&ec)) {
            prop_assert_eq!(a.nearer(b, c), magnitude_order(da, db).then(ea.cmp(&eb)));
        }
        if let (Some(gap), Some(slack)) = (ea.checked_sub(&ec), t.checked_mul(&ec)) {
            prop_assert_eq!(a.within_tolerance(c, t), magnitude_order(gap, slack).is_le());
        }
        let by_ratio = ea
            .checked_mul(&int(i128::from(k)))
            .filter(|x| *x <= int(i128::from(u64::MAX)));
        prop_assert_eq!(a.times(k).map(|x| int(i128::from(x.0))), by_ratio);
        if b.0 > 0 {
            prop_assert_eq!(a.counts(b), neighbours(ea, eb));
        }
        if let Some(reference) = deviation(ea, ec).and_then(|d| d.checked_mul(&int(100))) {
            prop_assert_eq!(a.deviation_percent(c), Some(reference));
        }
    }

    /// The nearest integer without `f64::round` is `f64::round`'s,
    /// halfway cases and the largest fraction below one half included.
    #[test]
    fn the_nearest_integer_is_f64_round(
        y in proptest::prop_oneof![
            -1e27_f64..1e27,
            -1e16_f64..1e16,
            -10.0_f64..10.0,
            proptest::strategy::Strategy::prop_map(-1_000_000_i32..=1_000_000, |k| f64::from(k) + 0.5),
            proptest::strategy::Strategy::prop_map(-1_000_000_i32..=1_000_000, |k| f64::from(k) - 0.5),
        ]
    ) {
        #[allow(clippy::cast_possible_truncation, reason = "a whole number within i128")]
        let expected = y.round() as i128;
        proptest::prop_assert_eq!(super::fraction::nearest_integer(y), expected);
    }

    /// The trimmed reading is the reading; its denominator divides
    /// 10^9 (a power of ten, or less for a large number that
    /// `decimal` reduced).
    #[test]
    fn decimal_parts_are_the_decimal(
        x in proptest::prop_oneof![
            -1e12_f64..1e12,
            proptest::strategy::Strategy::prop_map(-10_000_000_i32..=10_000_000, f64::from),
        ]
    ) {
        let (n, d) = decimal_parts(x).unwrap();
        proptest::prop_assert_eq!(Exact::new(n, d), decimal(x).unwrap());
        proptest::prop_assert!(d > 0 && 1_000_000_000 % d == 0);
    }

    /// A product is the product, or `None` exactly when it does not
    /// fit 64 bits.
    #[test]
    fn products_are_checked_products(
        a in proptest::prelude::any::<u64>(),
        b in 0_u64..=1_000_000_000_000,
        c in proptest::prelude::any::<u32>(),
    ) {
        let wide = u128::from(a)
            .checked_mul(u128::from(b))
            .and_then(|ab| ab.checked_mul(u128::from(c)));
        let reference = wide.and_then(|w| u64::try_from(w).ok());
        proptest::prop_assert_eq!(product([a, b, u64::from(c)]), reference);
        proptest::prop_assert_eq!(product([b, b]), b.checked_mul(b));
    }

    /// The quotient of two parts is `to_f64` of their fraction.
    #[test]
    fn quotients_are_the_fraction_as_f64(
        n in proptest::prelude::any::<i128>(),
        d in 1_i128..=i128::MAX,
    ) {
        let small_n = n % (1 << 60);
        let small_d = (d % (1 << 60)).max(1);
        for (n, d) in [(n, d), (small_n, small_d), (small_n % 1_000, small_d % 1_000 + 1)] {
            if n == i128::MIN {
                continue;
            }
            proptest::prop_assert_eq!(
                quotient_f64(n, d).to_bits(),
                to_f64(frac(n, d)).to_bits()
            );
        }
    }
}

/// Counts of a step exist only for a positive step, as for exact
/// numbers: no division by zero.
#[test]
fn scaled_counts_need_a_positive_step() {
    assert_eq!(Scaled(5).counts(Scaled(0)), None);
    assert_eq!(Scaled(0).counts(Scaled(2)), Some((0, 0)));
    assert_eq!(Scaled(5).counts(Scaled(2)), Some((2, 3)));
    assert_eq!(Scaled(6).counts(Scaled(2)), Some((3, 3)));
    assert_eq!(neighbours(int(0), int(2)), Some((0, 0)));
    assert_eq!(neighbours(int(5), int(0)), None);
}

#[test]
fn decimal_parts_keep_small_denominators() {
    assert_eq!(decimal_parts(360.0), Some((360, 1)));
    assert_eq!(decimal_parts(1.5), Some((1_500, 1_000)));
    assert_eq!(decimal_parts(0.000_001), Some((1, 1_000_000)));
    assert_eq!(
        decimal_parts(0.123_456_789),
        Some((123_456_789, 1_000_000_000))
    );
    assert_eq!(decimal_parts(0.0), Some((0, 1)));
    assert_eq!(decimal_parts(-3.0), Some((-3, 1)));
    // Just past 2^53 a part is not exact in an `f64`: the fraction
    // decides (2^53 + 1 is 3 × 3,002,399,751,580,331; divided first by
    // 2^53 as an `f64`, it would read 3,002,399,751,580,330.5).
    assert_eq!(quotient_f64((1 << 53) + 1, 3), 3_002_399_751_580_331.0);
    assert_eq!(quotient_f64(-(1 << 53) - 1, 3), -3_002_399_751_580_331.0);
    assert_eq!(quotient_f64(1 << 53, 1 << 53), 1.0);
    // Either side of the whole-number shortcut: the same reading.
    assert_eq!(decimal_parts(9e6), Some((9_000_000, 1)));
    assert_eq!(decimal_parts(9e6 + 1.0), Some((9_000_001, 1)));
    // Beyond the shortcut a whole number's nine-place reading need not
    // be exact in an `f64` (10^12 + 1 is not): the reading decides.
    for x in [4.7e9, 1e12 + 1.0, 123_456_789_012.0, -1e12 - 1.0] {
        let (n, d) = decimal_parts(x).unwrap();
        assert_eq!(Exact::new(n, d), decimal(x).unwrap(), "{x}");
    }
    assert_eq!(decimal_parts(f64::NAN), None);
    assert_eq!(lowest(frac(30_000, 1_000)), int(30));
    assert_eq!(parts(lowest(frac(30_000, 1_000))), (30, 1));
    assert_eq!(product::<0>([]), Some(1));
    assert_eq!(product([u64::MAX, 1]), Some(u64::MAX));
    assert_eq!(product([u64::MAX, 2]), None);
    assert_eq!(product([3, 0, u64::MAX]), Some(0));
}

#[test]
fn decimals_are_read_as_written() {
    assert_eq!(d(0.1) + d(0.2), d(0.3));
    assert_eq!(d(17.636_981), frac(17_636_981, 1_000_000));
    assert_eq!(to_f64(d(0.1) + d(0.2)), 0.3);
    assert_eq!(to_f64(frac(18, 5)), 3.6);
    assert!(decimal(f64::NAN).is_none());
    assert!(decimal(f64::INFINITY).is_none());
    assert!(decimal(1e19).is_none());
    // The bound itself is read; the next double above it is not.
    assert!(decimal(1e18).is_some());
    assert!(decimal(1e18_f64.next_up()).is_none());
    assert!(decimal(-1e18).is_some());
}

#[test]
fn ties_go_to_the_smaller_amount() {
    // 3 mg between 2.4 and 3.6 mg.
    let b = Bounds {
        calculated: int(3),
        tolerance: frac(1, 4),
        range: None,
        allow_up: false,
    };
    let got = pick(&[d(2.4), d(3.6)], &b).unwrap();
    assert_eq!(got, (d(2.4), Verdict::WithinTolerance));
    assert_eq!(to_multiple(int(3), d(1.2)), Some(d(2.4)));
    assert_eq!(to_multiple(d(3.0001), d(1.2)), Some(d(3.6)));
}

#[test]
fn tolerance_edge_is_inclusive_and_exact() {
    // 10 % of 50 is exactly 5: 55 is accepted, 55.000000001 is not.
    let b = Bounds {
        calculated: int(50),
        tolerance: frac(1, 10),
        range: None,
        allow_up: false,
    };
    assert_eq!(
        pick(&[int(55)], &b),
        Some((int(55), Verdict::WithinTolerance))
    );
    assert_eq!(pick(&[d(55.000_000_001)], &b), None);
    assert_eq!(
        pick(&[int(45)], &b),
        Some((int(45), Verdict::WithinTolerance))
    );
    assert_eq!(pick(&[d(44.999_999_999)], &b), None);
}

#[test]
fn in_range_candidate_within_tolerance_is_preferred() {
    // 76 kg at 3 mg/kg/day, 4 doses: 57 mg a dose, range 19 to 57 mg.
    let b = Bounds {
        calculated: int(57),
        tolerance: frac(1, 10),
        range: Some((int(19), int(57))),
        allow_up: false,
    };
    assert_eq!(
        pick(&[int(60)], &b),
        Some((int(60), Verdict::WithinToleranceOutsideRange))
    );
    assert_eq!(
        pick(&[int(30), int(60)], &b),
        Some((int(60), Verdict::WithinToleranceOutsideRange))
    );
    let tighter = Bounds {
        range: Some((int(19), d(58.5))),
        ..b
    };
    assert_eq!(
        pick(&[int(60)], &tighter),
        Some((int(60), Verdict::WithinToleranceOutsideRange))
    );
}

#[test]
fn beyond_tolerance_only_down_unless_opted_in() {
    // 40 kg at 1 mg/kg/day, 3 doses: 13.33 mg a dose; range 13.33 to 40.
    let calc = frac(40, 3);
    let b = Bounds {
        calculated: calc,
        tolerance: frac(1, 10),
        range: Some((calc, int(40))),
        allow_up: false,
    };
    assert_eq!(pick(&[int(30)], &b), None);
    let up = Bounds {
        allow_up: true,
        ..b
    };
    assert_eq!(
        pick(&[int(30)], &up),
        Some((int(30), Verdict::UpInsideRange))
    );
    // Even with the opt-in, never up to an amount outside the range.
    let narrow = Bounds {
        range: Some((calc, int(20))),
        ..up
    };
    assert_eq!(pick(&[int(30)], &narrow), None);
    // 70 kg at 3 mg/kg/day, 3 doses: 70 mg; 60 mg is down and inside.
    let b = Bounds {
        calculated: int(70),
        tolerance: frac(1, 10),
        range: Some((frac(70, 3), int(70))),
        allow_up: false,
    };
    assert_eq!(
        pick(&[int(60), int(90)], &b),
        Some((int(60), Verdict::DownInsideRange))
    );
}

#[test]
fn neighbours_are_exact() {
    assert_eq!(neighbours(int(3), d(1.2)), Some((2, 3)));
    assert_eq!(neighbours(d(3.6), d(1.2)), Some((3, 3)));
    assert_eq!(neighbours(int(3), int(0)), None);
    // Zero is zero steps either way; a negative amount has none.
    assert_eq!(neighbours(int(0), d(1.2)), Some((0, 0)));
    assert_eq!(neighbours(int(-1), d(1.2)), None);
    assert_eq!(floor_to(d(270.5), int(1)), Some(int(270)));
    assert_eq!(deviation(d(14.4), frac(40, 3)), Some(frac(8, 100)));
}

/// The amount the rule chooses among `candidates`, and why.
fn pick<const N: usize>(candidates: &[Exact; N], bounds: &Bounds) -> Option<(Exact, Verdict)> {
    choose(candidates.map(Some), bounds)
        .and_then(|(index, verdict)| Some((*candidates.get(index)?, verdict)))
}

/// The rule as its documentation states it: four searches in order, on
/// `Ratio`'s own arithmetic.
fn rule_by_searches(candidates: &[Exact], bounds: &Bounds) -> Option<(Exact, Verdict)> {
    let calc = bounds.calculated;
    let in_range = |x: Exact| bounds.range.is_none_or(|(lo, hi)| lo <= x && x <= hi);
    let in_tolerance = |x: Exact| (x - calc).abs() <= bounds.tolerance * calc;
    let nearest = |keep: &dyn Fn(Exact) -> bool| {
        candidates
            .iter()
            .copied()
            .filter(|&x| keep(x))
            .min_by(|&a, &b| (a - calc).abs().cmp(&(b - calc).abs()).then(a.cmp(&b)))
    };
    if let Some(x) = nearest(&|x| in_tolerance(x) && in_range(x)) {
        return Some((x, Verdict::WithinTolerance));
    }
    if let Some(x) = nearest(&in_tolerance) {
        return Some((x, Verdict::WithinToleranceOutsideRange));
    }
    bounds.range?;
    let below = candidates
        .iter()
        .copied()
        .filter(|&x| x < calc && in_range(x))
        .max();
    if let Some(x) = below {
        return Some((x, Verdict::DownInsideRange));
    }
    let above = candidates
        .iter()
        .copied()
        .filter(|&x| x > calc && in_range(x))
        .min();
    above
        .filter(|_| bounds.allow_up)
        .map(|x| (x, Verdict::UpInsideRange))
}

proptest::proptest! {
    /// The rule's one order (verdict, then distance, then size) chooses
    /// as its four searches in order do, for any candidates, tolerance,
    /// range and opt-in, equally near candidates included.
    #[test]
    fn the_rule_is_its_four_searches(
        xs in proptest::collection::vec(0_i128..=40, 0..=4),
        calc in 1_i128..=40,
        tolerance_pct in 0_i128..=50,
        range in proptest::option::of((0_i128..=40, 0_i128..=40)),
        allow_up: bool,
    ) {
        // Quarters, so that halfway points and ties occur often.
        let q = |n: i128| frac(n, 4);
        let candidates: Vec<Exact> = xs.iter().map(|&n| q(n)).collect();
        let bounds = Bounds {
            calculated: q(calc),
            tolerance: frac(tolerance_pct, 100),
            range: range.map(|(a, b)| (q(a.min(b)), q(a.max(b)))),
            allow_up,
        };
        let mut slots = [None; 4];
        for (slot, &x) in slots.iter_mut().zip(&candidates) {
            *slot = Some(x);
        }
        let chosen = choose(slots, &bounds)
            .map(|(i, v)| (slots[i].unwrap(), v));
        proptest::prop_assert_eq!(chosen, rule_by_searches(&candidates, &bounds));
    }
}

/// The edges of the nearest integer: the largest `f64` below one half,
/// halfway cases of both signs, and 2^52, where every `f64` is whole.
#[test]
fn the_nearest_integer_at_its_edges() {
    use super::fraction::nearest_integer;
    let below_half = 0.499_999_999_999_999_94_f64;
    assert_eq!(nearest_integer(below_half), 0);
    assert_eq!(nearest_integer(-below_half), 0);
    assert_eq!((nearest_integer(0.5), nearest_integer(-0.5)), (1, -1));
    assert_eq!((nearest_integer(2.5), nearest_integer(-2.5)), (3, -3));
    let two_52 = 4_503_599_627_370_496.0_f64;
    assert_eq!(nearest_integer(two_52), 1 << 52);
    // Halfway, away from zero.
    assert_eq!(nearest_integer(two_52 - 0.5), 1 << 52);
    assert_eq!(nearest_integer(-(two_52 - 0.5)), -(1 << 52));
}
