//! A screen that panics inside the TUI's terminal session, for the test that
//! checks the terminal comes back in cooked mode (tests/tui_pty.rs).

fn main() -> anyhow::Result<()> {
    comeback::tui::with_terminal(|terminal| {
        terminal.draw(|frame| frame.render_widget("about to fail", frame.area()))?;
        panic!("a bug in a screen");
    })
}
