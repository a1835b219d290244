//! The change talk trend as bars: one row per session, change talk above sustain talk, each
//! bar's length its count against the largest in view. Whole numbers, drawn by the server.

use super::change_talk::Tally;
use chrono::NaiveDate;

pub const WIDTH: i32 = 320;
/// Room for the date on the left and the count at the end of each bar.
pub const LEFT: i32 = 56;
pub const RIGHT: i32 = 28;
pub const ROW: i32 = 26;
pub const BAR: i32 = 9;
/// The most sessions shown: the latest ones.
pub const SHOWN: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub heard_on: NaiveDate,
    /// Top of the row.
    pub y: i32,
    pub change: u32,
    pub sustain: u32,
    pub change_width: i32,
    pub sustain_width: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TalkChart {
    pub rows: Vec<Row>,
    pub height: i32,
}

/// `tallies` oldest first; `None` when there is nothing to draw.
pub fn talk_chart(tallies: &[Tally]) -> Option<TalkChart> {
    let shown = &tallies[tallies.len().saturating_sub(SHOWN)..];
    let largest = shown
        .iter()
        .map(|t| t.change_talk().max(t.sustain_talk()))
        .max()?
        .max(1);
    let plot = i64::from(WIDTH - LEFT - RIGHT);
    let width = |count: u32| {
        // A count of one or more always shows as a sliver.
        let w = plot * i64::from(count) / i64::from(largest);
        i32::try_from(w).unwrap_or(0).max(i32::from(count > 0) * 2)
    };
    let rows: Vec<Row> = shown
        .iter()
        .enumerate()
        .map(|(i, t)| Row {
            heard_on: t.heard_on,
            y: i32::try_from(i).unwrap_or(0) * ROW,
            change: t.change_talk(),
            sustain: t.sustain_talk(),
            change_width: width(t.change_talk()),
            sustain_width: width(t.sustain_talk()),
        })
        .collect();
    let height = i32::try_from(rows.len()).unwrap_or(0) * ROW;
    Some(TalkChart { rows, height })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::TallyId;
    use chrono::Datelike;

    fn tally(d: u32, change: u8, sustain: u8) -> Tally {
        Tally {
            id: TallyId::new(),
            heard_on: NaiveDate::from_ymd_opt(2026, 10, d).unwrap_or_default(),
            recorded_by: "Sam".into(),
            entry: None,
            counts: vec![change, 0, 0, 0, 0, 0, 0, sustain],
        }
    }

    #[test]
    fn the_largest_count_fills_the_plot_and_others_scale_to_it() {
        let chart = talk_chart(&[tally(1, 2, 8), tally(8, 4, 1)]);
        let Some(chart) = chart else {
            panic!("a chart")
        };
        let plot = WIDTH - LEFT - RIGHT;
        assert_eq!(chart.rows[0].sustain_width, plot);
        assert_eq!(chart.rows[0].change_width, plot / 4);
        assert_eq!(chart.rows[1].y, ROW);
        assert_eq!(chart.height, 2 * ROW);
    }

    #[test]
    fn only_the_latest_sessions_show_and_nothing_means_no_chart() {
        let many: Vec<Tally> = (1..=20).map(|d| tally(d, 1, 0)).collect();
        let chart = talk_chart(&many).map(|c| (c.rows.len(), c.rows[0].heard_on.day0()));
        assert_eq!(chart, Some((SHOWN, 8)));
        assert_eq!(talk_chart(&[]), None);
        let zero = talk_chart(&[tally(1, 0, 0)]).map(|c| c.rows[0].change_width);
        assert_eq!(zero, Some(0));
    }
}
