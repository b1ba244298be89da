//! What a key can ask for: the messages the key table turns presses into
//! and `update` applies.

use crate::checkin::{Cleared, Ease, Flag, Onset, Spot};

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Back,
    /// Esc where nothing of its own takes it: back, as `Back`, except on
    /// Today, where it never quits (an Esc too many after a pop-up would
    /// close the app).
    Escape,
    NextScreen,
    PrevScreen,
    Up,
    Down,
    Help,
    Undo,
    Export,
    /// Open the import pop-up: runs from a watch file or folder.
    Import,
    Reload,
    /// A one-key check-in at this numbness level.
    Quick(u8),
    Tick,
    Edit,
    Level(u8),
    Spot(Spot),
    CycleSide,
    Onset(Onset),
    Minutes(i8),
    Cleared(Cleared),
    ClearedMinutes(i8),
    Ease(Ease),
    CycleSession,
    Flag(Flag),
    Confirm,
    Toggle,
    /// Marks the key table's text-editing binding.
    Type,
    /// Edits the line of text being typed.
    Text(tui_input::InputRequest),
    Acknowledge,
    /// Open the shoes pop-up.
    Shoes,
    AddShoe,
    RetireShoe,
    /// Which pair the check-in in the panel counts for.
    CycleShoes,
    /// Open the health-context pop-up.
    Health,
    /// Type a note on the check-in in the panel.
    Note,
    /// Open the clearance form from the care screen.
    Clear,
    Summary,
    /// Move along the week strip on Today.
    PrevDay,
    NextDay,
    /// Open the check-in panel for the selected day of the week strip.
    OpenDay,
    /// Show or hide the days of the selected week.
    Expand,
    /// Scroll the verdict on Today.
    VerdictDown,
    VerdictUp,
    /// Scroll the sessions box on Today.
    SessionsDown,
    SessionsUp,
    /// Take back what the last undo took back.
    Redo,
    /// A day's run skipped, with no numbness.
    Skipped,
    /// A key the key table does not bind where it was pressed.
    Unbound,
}
