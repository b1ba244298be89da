//! Plain-text golden plans, one file per profile and shipped template, so a
//! coach can review a plan (every day, its effort, strength and rest) in a
//! pull request without running the app. `comeback plan --days` prints them.

mod common;

/// `plan --days` for a plan made with `args`, on Monday 23 Nov 2026.
fn plan_days(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let today = "2026-11-23";
    let made = common::cli(dir.path(), today)
        .arg("new")
        .args(args)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let out = common::cli(dir.path(), today)
        .args(["plan", "--days"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

macro_rules! golden {
    ($name:ident, $($arg:expr),+) => {
        #[test]
        fn $name() {
            let text = plan_days(&[$($arg),+]);
            assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
            insta::assert_snapshot!(stringify!($name), text);
        }
    };
}

golden!(
    standard_three_weeks_off_25_mi_4_runs,
    "--layoff",
    "3w",
    "--weekly",
    "25",
    "--runs",
    "4"
);
golden!(
    standard_eight_weeks_off_40_mi_5_runs,
    "--layoff",
    "8w",
    "--weekly",
    "40",
    "--runs",
    "5"
);
golden!(
    standard_six_months_off_30_km_3_runs,
    "--layoff",
    "26w",
    "--weekly",
    "30",
    "--runs",
    "3",
    "--unit",
    "km"
);
golden!(
    standard_two_weeks_off_50_mi_6_runs_saturday_long_run_and_a_10k,
    "--layoff",
    "2w",
    "--weekly",
    "50",
    "--runs",
    "6",
    "--long-day",
    "sat",
    "--rest-days",
    "fri",
    "--race",
    "10k=45:00"
);
golden!(
    cautious_five_days_off_25_mi_numb_now,
    "--layoff",
    "5d",
    "--weekly",
    "25",
    "--runs",
    "4",
    "--numb-now"
);
golden!(
    cautious_ten_weeks_off_20_km_3_runs_numb_now_cross_trained,
    "--layoff",
    "10w",
    "--weekly",
    "20",
    "--runs",
    "3",
    "--unit",
    "km",
    "--numb-now",
    "--cross-trained"
);

// The profiles of issue 20 (plans v3: frequency before length, the long run
// leads), each a plan a coach reviewed.
golden!(
    standard_thirteen_days_off_60_mi_6_runs,
    "--layoff",
    "13d",
    "--weekly",
    "60",
    "--runs",
    "6"
);
golden!(
    standard_45_days_off_40_mi_to_a_25_mi_goal_4_runs,
    "--layoff",
    "45d",
    "--weekly",
    "40",
    "--goal",
    "25",
    "--runs",
    "4"
);
golden!(
    standard_fourteen_days_off_12_mi_3_runs,
    "--layoff",
    "14d",
    "--weekly",
    "12",
    "--runs",
    "3"
);
golden!(
    standard_ten_weeks_off_35_mi_5_runs,
    "--layoff",
    "10w",
    "--weekly",
    "35",
    "--runs",
    "5"
);
golden!(
    standard_two_years_off_35_mi_5_runs,
    "--layoff",
    "730d",
    "--weekly",
    "35",
    "--runs",
    "5"
);
golden!(
    cautious_four_days_off_25_mi_4_runs_numb_now,
    "--layoff",
    "4d",
    "--weekly",
    "25",
    "--runs",
    "4",
    "--numb-now"
);
