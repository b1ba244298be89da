//! The TUI over ten years of check-ins: loading to the first frame, and one
//! frame rendered at 200x50 (targets: under 5 ms and under 0.5 ms).

#[path = "fixture/mod.rs"]
mod fixture;

use comeback::tui::app::{App, Screen};
use comeback::tui::view::view;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn bench_tui(c: &mut Criterion) {
    let dir = fixture::data_dir();
    let today = fixture::today();
    c.bench_function("load 10 years and draw the first frame (200x50)", |b| {
        b.iter(|| {
            let app = App::load(dir.path(), dir.path(), today, None, true).expect("app");
            let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
            terminal.draw(|frame| view(&app, frame)).expect("draw");
        })
    });
    let mut app = App::load(dir.path(), dir.path(), today, None, true).expect("app");
    app.care_seen = app
        .running
        .as_ref()
        .and_then(|r| r.assessment.verdict.care.as_ref())
        .map(|care| (care.since, care.level));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    for &screen in Screen::ALL {
        app.screen = screen;
        c.bench_function(&format!("render {} at 200x50", screen.title()), |b| {
            b.iter(|| terminal.draw(|frame| view(&app, frame)).map(|_| ()))
        });
    }
}

criterion_group!(benches, bench_tui);
criterion_main!(benches);
