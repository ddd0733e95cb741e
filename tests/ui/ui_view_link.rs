//! A view link round trip through the viewer: opened from a link, the viewer shows that view,
//! and "Copy view link" gives the same text back.

use crate::common::viewer;
use egui_kittest::kittest::Queryable;
use sandline::dataset::DataDir;
use sandline::gui::Action;

const LINK: &str = "sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb";

#[test]
fn a_view_link_opens_its_view_and_is_copied_back_the_same() {
    let mut harness = viewer(DataDir::seed_fixture(), "2020-06-01");
    harness.state_mut().apply(Action::OpenView(LINK.parse().unwrap()));
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.date().to_string(), "2017-06-03");
    assert!(app.view().layers.areas && !app.view().layers.fronts);
    assert_eq!(app.view().link(app.dataset()).to_string(), LINK);
    harness.get_by_label_contains("Benghazi Defence Brigades (hidden)");

    harness.get_by_label("Copy view link").click();
    harness.run_steps(1);
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, [LINK]);
}
