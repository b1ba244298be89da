//! The one key table: it turns key presses into actions and it draws the help,
//! so the help can never drift from what the keys do. Long because it is the
//! table: one entry a binding, sixty-odd of them.

use super::action::Action;
use crate::checkin::{Cleared, Ease, Flag, Onset, Spot};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies, in the order the help lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Context {
    /// Every screen, when no panel or form has the keys.
    Global,
    Today,
    History,
    /// The Plan screen.
    Plan,
    /// The check-in panel.
    Panel,
    /// The note line of the check-in panel, while typing.
    Note,
    /// The onboarding form.
    Onboarding,
    /// The care takeover.
    Care,
    /// The clearance form, from the care takeover.
    Clearance,
    /// The export menu.
    Export,
    /// The import pop-up.
    Import,
    /// The health-context pop-up.
    Health,
    /// What was run, after a run day's check-in.
    Ran,
    /// Whether the strength session was done, after its day's check-in.
    Strength,
    /// Place a run from a file on the nearest planned run?
    Place,
    /// The shoes pop-up.
    Shoes,
    /// The name of a new pair, while typed.
    ShoeName,
    /// The question before a symptomatic check-in is replaced.
    Replace,
    /// The question before the last change is undone.
    Undo,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Today => "Today",
            Context::History => "History",
            Context::Plan => "Plan",
            Context::Panel => "Check-in panel",
            Context::Note => "Note on the check-in",
            Context::Onboarding => "New plan",
            Context::Care => "See a clinician",
            Context::Clearance => "Record a clearance",
            Context::Export => "Export",
            Context::Import => "Import runs",
            Context::Health => "Health context",
            Context::Ran => "What you ran",
            Context::Strength => "Strength session done?",
            Context::Place => "Place the run?",
            Context::Shoes => "Shoes",
            Context::ShoeName => "New pair of shoes",
            Context::Replace => "Replace a check-in?",
            Context::Undo => "Undo?",
        }
    }
}

/// What a binding matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    One(KeyCode),
    Two(KeyCode, KeyCode),
    /// A key that edits a line of text (typing, ←/→, Backspace, Ctrl-U...),
    /// as `tui-input` reads it.
    Text,
    /// A letter with Ctrl held.
    Ctrl(char),
}

impl Keys {
    fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Keys::Text => text_request(key).is_some(),
            Keys::Ctrl(c) => ctrl && key.code == Char(c),
            _ if ctrl => false,
            Keys::One(k) => k == key.code,
            Keys::Two(a, b) => a == key.code || b == key.code,
        }
    }
}

pub struct Binding {
    pub context: Context,
    /// Shown in the footer line of its context.
    pub footer: bool,
    pub keys: Keys,
    /// How the keys are written in the help.
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
}

const fn bind(
    context: Context,
    keys: Keys,
    label: &'static str,
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        context,
        footer: false,
        keys,
        label,
        help,
        action,
    }
}

use Context::*;
use KeyCode::{BackTab, Char, Down, Enter, Esc, Left, Right, Tab, Up};
use Keys::{Ctrl, One, Text, Two};

/// A binding that is also shown in the footer.
const fn shown(
    context: Context,
    keys: Keys,
    label: &'static str,
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        footer: true,
        ..bind(context, keys, label, help, action)
    }
}

/// Every binding, in the order the help shows them.
pub static BINDINGS: &[Binding] = &[
    shown(Global, One(Char('q')), "q", "back/quit", Action::Back),
    bind(
        Global,
        One(Esc),
        "Esc",
        "back to Today (never quits)",
        Action::Escape,
    ),
    shown(Global, One(Tab), "Tab", "screens", Action::NextScreen),
    bind(
        Global,
        One(BackTab),
        "Shift-Tab",
        "previous screen",
        Action::PrevScreen,
    ),
    bind(
        Global,
        Two(Right, Char('l')),
        "→ / l",
        "next screen",
        Action::NextScreen,
    ),
    bind(
        Global,
        Two(Left, Char('h')),
        "← / h",
        "previous screen",
        Action::PrevScreen,
    ),
    bind(
        Global,
        Two(Down, Char('j')),
        "↓ / j",
        "move down",
        Action::Down,
    ),
    bind(Global, Two(Up, Char('k')), "↑ / k", "move up", Action::Up),
    shown(Global, One(Char('?')), "?", "help", Action::Help),
    bind(
        Global,
        One(KeyCode::PageDown),
        "PgUp / PgDn",
        "a page down or up on Help",
        Action::VerdictDown,
    ),
    bind(Global, One(KeyCode::PageUp), "", "", Action::VerdictUp),
    bind(
        Global,
        One(Char('u')),
        "u",
        "undo the last check-in change (says which, then asks)",
        Action::Undo,
    ),
    bind(
        Global,
        One(Char('U')),
        "U / Ctrl-R",
        "redo what undo took back",
        Action::Redo,
    ),
    bind(Global, Ctrl('r'), "", "", Action::Redo),
    bind(
        Global,
        One(Char('e')),
        "e",
        "export: plan, calendar or clinician summary",
        Action::Export,
    ),
    bind(
        Global,
        One(Char('S')),
        "S",
        "shoes: add, retire, see their distance",
        Action::Shoes,
    ),
    bind(
        Global,
        One(Char('i')),
        "i",
        "import runs from a watch file or folder",
        Action::Import,
    ),
    bind(
        Global,
        One(Char('H')),
        "H",
        "health context (brings care sooner)",
        Action::Health,
    ),
    bind(
        Global,
        One(Char('r')),
        "r",
        "reload what other windows wrote",
        Action::Reload,
    ),
    shown(Today, One(Char('0')), "0", "no numbness", Action::Quick(0)),
    shown(Today, One(Char('1')), "1-3", "numbness", Action::Quick(1)),
    bind(Today, One(Char('2')), "", "", Action::Quick(2)),
    bind(Today, One(Char('3')), "", "", Action::Quick(3)),
    shown(Today, One(Char(' ')), "Space", "tick", Action::Tick),
    bind(Today, One(Left), "← →", "day", Action::PrevDay),
    bind(Today, One(Right), "", "", Action::NextDay),
    shown(
        Today,
        One(Enter),
        "Enter",
        "check-in for a day",
        Action::OpenDay,
    ),
    bind(
        Today,
        One(KeyCode::PageDown),
        "PgUp / PgDn",
        "scroll the verdict when it does not fit",
        Action::VerdictDown,
    ),
    bind(Today, One(KeyCode::PageUp), "", "", Action::VerdictUp),
    bind(
        Today,
        One(Char(']')),
        "[ ]",
        "scroll the sessions when they do not fit",
        Action::SessionsDown,
    ),
    bind(Today, One(Char('[')), "", "", Action::SessionsUp),
    bind(
        Today,
        One(Char('x')),
        "x",
        "run skipped today, no numbness",
        Action::Skipped,
    ),
    shown(History, One(Enter), "Enter", "edit", Action::Edit),
    shown(
        Plan,
        One(Enter),
        "Enter",
        "show or hide the week's days",
        Action::Expand,
    ),
    bind(
        Panel,
        One(Char('0')),
        "0-3",
        "numbness level",
        Action::Level(0),
    ),
    bind(Panel, One(Char('1')), "", "", Action::Level(1)),
    bind(Panel, One(Char('2')), "", "", Action::Level(2)),
    bind(Panel, One(Char('3')), "", "", Action::Level(3)),
    bind(
        Panel,
        One(Char('t')),
        "t",
        "where: toes",
        Action::Spot(Spot::Toes),
    ),
    bind(
        Panel,
        One(Char('g')),
        "g",
        "where: between the toes",
        Action::Spot(Spot::BetweenToes),
    ),
    bind(
        Panel,
        One(Char('b')),
        "b",
        "where: ball of the foot",
        Action::Spot(Spot::Ball),
    ),
    bind(
        Panel,
        One(Char('a')),
        "a",
        "where: arch",
        Action::Spot(Spot::Arch),
    ),
    bind(
        Panel,
        One(Char('u')),
        "u",
        "where: sole",
        Action::Spot(Spot::Sole),
    ),
    bind(
        Panel,
        One(Char('e')),
        "e",
        "where: heel",
        Action::Spot(Spot::Heel),
    ),
    bind(
        Panel,
        One(Char('o')),
        "o",
        "where: top of the foot",
        Action::Spot(Spot::Top),
    ),
    bind(
        Panel,
        One(Char('h')),
        "h",
        "where: whole foot",
        Action::Spot(Spot::WholeFoot),
    ),
    bind(
        Panel,
        One(Char('k')),
        "k",
        "where: ankle",
        Action::Spot(Spot::Ankle),
    ),
    bind(
        Panel,
        One(Char('i')),
        "i",
        "where: shin",
        Action::Spot(Spot::Shin),
    ),
    bind(
        Panel,
        One(Char('c')),
        "c",
        "where: calf",
        Action::Spot(Spot::Calf),
    ),
    bind(
        Panel,
        One(Char('y')),
        "y",
        "where: thigh",
        Action::Spot(Spot::Thigh),
    ),
    bind(
        Panel,
        One(Char('z')),
        "z",
        "where: buttock",
        Action::Spot(Spot::Buttock),
    ),
    bind(
        Panel,
        One(Char('s')),
        "s",
        "side: left, right, both",
        Action::CycleSide,
    ),
    bind(
        Panel,
        One(Char('d')),
        "d",
        "began during the run",
        Action::Onset(Onset::During),
    ),
    bind(
        Panel,
        One(Char('f')),
        "f",
        "began after the run (finished)",
        Action::Onset(Onset::After),
    ),
    bind(
        Panel,
        One(Char('r')),
        "r",
        "began at rest",
        Action::Onset(Onset::Rest),
    ),
    bind(
        Panel,
        One(Char('v')),
        "v",
        "began at night (evening)",
        Action::Onset(Onset::Night),
    ),
    bind(
        Panel,
        One(Char('+')),
        "+ / -",
        "minutes into the run",
        Action::Minutes(5),
    ),
    bind(Panel, One(Char('-')), "", "", Action::Minutes(-5)),
    bind(
        Panel,
        One(Char('q')),
        "q",
        "cleared quickly",
        Action::Cleared(Cleared::Quickly),
    ),
    bind(
        Panel,
        One(Char('w')),
        "w",
        "took hours (a while) to clear",
        Action::Cleared(Cleared::Hours),
    ),
    bind(
        Panel,
        One(Char('n')),
        "n",
        "not cleared yet",
        Action::Cleared(Cleared::NotYet),
    ),
    bind(
        Panel,
        One(Char('>')),
        "> / <",
        "minutes until it cleared",
        Action::ClearedMinutes(5),
    ),
    bind(Panel, One(Char('<')), "", "", Action::ClearedMinutes(-5)),
    bind(
        Panel,
        One(Char('p')),
        "p",
        "eased by stopping (pausing)",
        Action::Ease(Ease::Stopping),
    ),
    bind(
        Panel,
        One(Char('l')),
        "l",
        "eased by loosening the laces",
        Action::Ease(Ease::LooseningLaces),
    ),
    bind(
        Panel,
        One(Char('j')),
        "j",
        "eased by sitting or bending forward",
        Action::Ease(Ease::SittingOrBending),
    ),
    bind(
        Panel,
        One(Char('m')),
        "m",
        "eased by nothing",
        Action::Ease(Ease::Nothing),
    ),
    bind(
        Panel,
        One(Char('x')),
        "x",
        "session: done, partial, skipped, rest day",
        Action::CycleSession,
    ),
    bind(
        Panel,
        One(Char('P')),
        "P",
        "flag: sharp pain",
        Action::Flag(Flag::SharpPain),
    ),
    bind(
        Panel,
        One(Char('C')),
        "C",
        "flag: skin colour change",
        Action::Flag(Flag::SkinColour),
    ),
    bind(
        Panel,
        One(Char('K')),
        "K",
        "flag: back pain",
        Action::Flag(Flag::BackPain),
    ),
    bind(
        Panel,
        One(Char('T')),
        "T",
        "flag: calf tightness or cramping",
        Action::Flag(Flag::CalfTightness),
    ),
    bind(
        Panel,
        One(Char('I')),
        "I",
        "flag: cold, pale or blue foot (icy)",
        Action::Flag(Flag::ColdPale),
    ),
    bind(
        Panel,
        One(Char('W')),
        "W",
        "flag: weakness",
        Action::Flag(Flag::Weakness),
    ),
    bind(
        Panel,
        One(Char('D')),
        "D",
        "flag: dropping or slapping foot",
        Action::Flag(Flag::FootDrop),
    ),
    bind(
        Panel,
        One(Char('S')),
        "S",
        "flag: groin or saddle numbness",
        Action::Flag(Flag::Saddle),
    ),
    bind(
        Panel,
        One(Char('B')),
        "B",
        "flag: bladder or bowel trouble",
        Action::Flag(Flag::BladderBowel),
    ),
    bind(
        Panel,
        One(Char('L')),
        "L",
        "flag: pain down both legs",
        Action::Flag(Flag::LegPainBoth),
    ),
    bind(
        Panel,
        One(Char('F')),
        "F",
        "flag: numb or weak face or arm",
        Action::Flag(Flag::FaceArm),
    ),
    bind(
        Panel,
        One(Char('U')),
        "U",
        "flag: a cut, blister or redness not felt (unfelt)",
        Action::Flag(Flag::FootWound),
    ),
    shown(
        Panel,
        One(Enter),
        "Enter",
        "save the check-in",
        Action::Confirm,
    ),
    shown(Panel, One(Esc), "Esc", "cancel", Action::Back),
    bind(Panel, One(Char('N')), "N", "type a note", Action::Note),
    bind(
        Panel,
        One(Char('O')),
        "O",
        "shoes: which pair this day counts for",
        Action::CycleShoes,
    ),
    shown(Note, One(Enter), "Enter", "keep the note", Action::Confirm),
    shown(
        Note,
        One(Esc),
        "Esc",
        "leave the note as it was",
        Action::Back,
    ),
    bind(
        Note,
        Text,
        "a-z 0-9 ← → Ctrl-U",
        "edit the note",
        Action::Type,
    ),
    shown(
        Onboarding,
        Two(Down, Tab),
        "↓ / Tab",
        "next field",
        Action::Down,
    ),
    bind(
        Onboarding,
        Two(Up, BackTab),
        "↑ / Shift-Tab",
        "previous field",
        Action::Up,
    ),
    bind(
        Onboarding,
        One(Char(' ')),
        "Space",
        "change a choice",
        Action::Toggle,
    ),
    shown(
        Onboarding,
        One(Enter),
        "Enter",
        "save the plan (on Save)",
        Action::Confirm,
    ),
    bind(Onboarding, One(Esc), "Esc", "quit", Action::Quit),
    bind(
        Onboarding,
        Text,
        "a-z 0-9 ← → Ctrl-U",
        "edit a field (Ctrl-U clears it); ← / → change a choice",
        Action::Type,
    ),
    shown(
        Care,
        Two(Enter, Char('a')),
        "Enter / a",
        "I understand: go on to the plan",
        Action::Acknowledge,
    ),
    shown(
        Care,
        One(Char('s')),
        "s",
        "show the summary for the clinician",
        Action::Summary,
    ),
    bind(
        Care,
        Two(Down, Char('j')),
        "↑ ↓ / k j",
        "scroll the reasons or the summary's check-ins",
        Action::Down,
    ),
    bind(Care, Two(Up, Char('k')), "", "", Action::Up),
    bind(
        Care,
        One(KeyCode::PageDown),
        "PgUp / PgDn",
        "scroll the summary's text",
        Action::VerdictDown,
    ),
    bind(Care, One(KeyCode::PageUp), "", "", Action::VerdictUp),
    shown(
        Care,
        One(Char('c')),
        "c",
        "a clinician cleared me: record it",
        Action::Clear,
    ),
    bind(Care, Two(Char('q'), Esc), "q / Esc", "quit", Action::Quit),
    shown(
        Clearance,
        Two(Tab, Down),
        "Tab / ↓",
        "date or note",
        Action::Down,
    ),
    bind(
        Clearance,
        Two(BackTab, Up),
        "Shift-Tab / ↑",
        "date or note",
        Action::Up,
    ),
    shown(
        Clearance,
        One(Enter),
        "Enter",
        "record the clearance",
        Action::Confirm,
    ),
    shown(Clearance, One(Esc), "Esc", "cancel", Action::Back),
    bind(
        Clearance,
        Text,
        "a-z 0-9 ← → Ctrl-U",
        "edit the date or the note",
        Action::Type,
    ),
    shown(Export, Two(Up, Down), "↑ / ↓", "format", Action::Down),
    shown(
        Export,
        One(Enter),
        "Enter",
        "write the file",
        Action::Confirm,
    ),
    shown(Export, One(Esc), "Esc", "cancel", Action::Back),
    bind(
        Export,
        Text,
        "a-z 0-9 ← → Ctrl-U",
        "edit the path (Ctrl-U clears it)",
        Action::Type,
    ),
    shown(
        Ran,
        Two(Tab, Down),
        "Tab / ↓",
        "distance, minutes, RPE",
        Action::Down,
    ),
    bind(
        Ran,
        Two(BackTab, Up),
        "Shift-Tab / ↑",
        "back a field",
        Action::Up,
    ),
    shown(
        Ran,
        One(Enter),
        "Enter",
        "add these numbers to the check-in",
        Action::Confirm,
    ),
    shown(
        Ran,
        One(Esc),
        "Esc",
        "leave the numbers out (the check-in is saved)",
        Action::Back,
    ),
    bind(
        Ran,
        Text,
        "0-9 . : ← → Ctrl-U",
        "type a number (it replaces the plan's)",
        Action::Type,
    ),
    shown(Health, One(Down), "↑ / ↓", "move", Action::Down),
    bind(Health, One(Up), "", "", Action::Up),
    shown(
        Health,
        One(Char(' ')),
        "Space",
        "applies / not",
        Action::Toggle,
    ),
    shown(Health, One(Enter), "Enter", "save", Action::Confirm),
    shown(Health, One(Esc), "Esc", "cancel", Action::Back),
    shown(Shoes, One(Down), "↑ / ↓", "move", Action::Down),
    bind(Shoes, One(Up), "", "", Action::Up),
    shown(Shoes, One(Char('a')), "a", "add a pair", Action::AddShoe),
    shown(
        Shoes,
        One(Char('r')),
        "r",
        "retire the selected pair (asks; r again)",
        Action::RetireShoe,
    ),
    shown(Shoes, Two(Esc, Char('q')), "Esc", "close", Action::Back),
    shown(Import, One(Enter), "Enter", "import", Action::Confirm),
    shown(Import, One(Esc), "Esc", "cancel", Action::Back),
    bind(
        Import,
        Text,
        "a-z 0-9 / ← → Ctrl-U",
        "type the path",
        Action::Type,
    ),
    shown(ShoeName, One(Enter), "Enter", "add it", Action::Confirm),
    shown(ShoeName, One(Esc), "Esc", "cancel", Action::Back),
    bind(
        ShoeName,
        Text,
        "a-z 0-9 ← → Ctrl-U",
        "type the name",
        Action::Type,
    ),
    shown(
        Replace,
        One(Char('y')),
        "y",
        "yes, replace it",
        Action::Confirm,
    ),
    shown(
        Strength,
        Two(Char('y'), Enter),
        "y",
        "yes, done",
        Action::Confirm,
    ),
    shown(Strength, One(Char('n')), "n", "skipped", Action::Skipped),
    shown(
        Strength,
        Two(Esc, Char('q')),
        "Esc",
        "leave it out",
        Action::Back,
    ),
    shown(
        Place,
        Two(Char('y'), Enter),
        "y",
        "yes, place it there",
        Action::Confirm,
    ),
    shown(
        Place,
        Two(Char('n'), Esc),
        "n / Esc",
        "no, leave it out",
        Action::Back,
    ),
    shown(
        Undo,
        Two(Char('y'), Char('u')),
        "y / u",
        "yes, undo it",
        Action::Confirm,
    ),
    shown(
        Undo,
        Two(Char('n'), Esc),
        "n / Esc",
        "no, keep it",
        Action::Back,
    ),
    shown(
        Replace,
        Two(Char('n'), Esc),
        "n / Esc",
        "no, keep it",
        Action::Back,
    ),
];

/// What a key does to a line of text, in `tui-input`'s reading.
fn text_request(key: KeyEvent) -> Option<tui_input::InputRequest> {
    tui_input::backend::crossterm::to_input_request(&crossterm::event::Event::Key(key))
}

/// The most characters one paste types.
const MAX_PASTE: usize = 4096;

/// What a paste types where text is being edited: its printable characters,
/// at most `MAX_PASTE` of them (each field caps its own length too); nothing
/// elsewhere.
pub fn paste(contexts: &[Context], text: &str) -> Vec<Action> {
    let editing = contexts.iter().any(|context| {
        BINDINGS
            .iter()
            .any(|b| b.context == *context && b.keys == Text)
    });
    if !editing {
        return Vec::new();
    }
    text.chars()
        .filter(|c| !c.is_control())
        .take(MAX_PASTE)
        .map(|c| Action::Text(tui_input::InputRequest::InsertChar(c)))
        .collect()
}

/// The action a key press means in the given contexts, first match wins.
pub fn action(contexts: &[Context], key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::Quit);
    }
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *context)
            .find(|b| b.keys.matches(key))
            .and_then(|b| match b.action {
                Action::Type => text_request(key).map(Action::Text),
                action => Some(action),
            })
    })
}

/// The help rows of one context: (keys, what they do); continuation rows of a
/// group (empty label) are left out.
pub fn help(context: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.context == context && !b.label.is_empty())
        .map(|b| (b.label, b.help))
}

/// The contexts, in the order the help lists them (derived: none can be
/// left out).
pub const CONTEXTS: &[Context] = <Context as strum::VariantArray>::VARIANTS;

/// How many lines the help has: a title per context and a row per binding,
/// then a blank line and the notice.
pub fn help_line_count() -> usize {
    CONTEXTS.iter().map(|c| 1 + help(*c).count()).sum::<usize>() + 2
}

/// The footer line for the contexts in force: their marked bindings.
pub fn footer(contexts: &[Context]) -> String {
    footer_items(contexts).join(" · ")
}

fn footer_items(contexts: &[Context]) -> Vec<String> {
    contexts
        .iter()
        .flat_map(|context| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == *context && b.footer)
        })
        .map(|b| format!("{} {}", b.label, b.help))
        .collect()
}

/// The footer line within `width` columns: whole keys only, and when some
/// do not fit, the line ends by pointing at the help.
pub fn footer_within(contexts: &[Context], width: u16) -> String {
    let all = footer(contexts);
    let width = usize::from(width);
    if all.chars().count() <= width {
        return all;
    }
    let more = "· ? keys";
    let mut line = String::new();
    for item in footer_items(contexts) {
        let sep = if line.is_empty() { "" } else { " · " };
        if line.chars().count() + sep.len() + item.chars().count() + 1 + more.chars().count()
            > width
        {
            break;
        }
        line.push_str(sep);
        line.push_str(&item);
    }
    format!("{line} {more}").trim_start().to_string()
}
