//! One file per screen.

pub mod care;
pub mod checkin;
pub mod clearance;
pub mod export;
pub mod health;
pub mod help;
pub mod history;
pub mod onboarding;
pub mod plan;
pub mod progress;
pub mod replace;
pub mod today;
