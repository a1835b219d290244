//! The progress chart's geometry: two 0–10 series over time, placed in a fixed SVG box so the
//! server can draw it and the browser scales it to any width. Whole-number coordinates: a pixel
//! is fine enough, and formatting floats would add their code to the browser bundle.

use super::rating::CheckIn;
use chrono::NaiveDate;

pub const WIDTH: i32 = 320;
pub const HEIGHT: i32 = 180;
/// Room for the 0/5/10 labels on the left and dates underneath.
pub const LEFT: i32 = 28;
pub const RIGHT: i32 = 12;
pub const TOP: i32 = 10;
pub const BOTTOM: i32 = 26;

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
    pub score: u8,
    pub date: NaiveDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub series: Vec<Vec<Point>>,
}

/// The y of a score: 10 at the top.
pub fn y_of(score: u8) -> i32 {
    TOP + (HEIGHT - TOP - BOTTOM) * (10 - i32::from(score.min(10))) / 10
}

/// Places each series; `None` when there is nothing to draw.
pub fn chart(series: &[Vec<&CheckIn>]) -> Option<Chart> {
    let dates = series.iter().flatten().map(|c| c.given_on);
    let first = dates.clone().min()?;
    let last = dates.max()?;
    let span = (last - first).num_days().max(1);
    let plot = i64::from(WIDTH - LEFT - RIGHT);
    let x_of = |date: NaiveDate| {
        let offset = if first == last {
            plot / 2
        } else {
            plot * (date - first).num_days() / span
        };
        LEFT + i32::try_from(offset).unwrap_or(0)
    };
    Some(Chart {
        first,
        last,
        series: series
            .iter()
            .map(|s| {
                s.iter()
                    .map(|c| Point {
                        x: x_of(c.given_on),
                        y: y_of(c.score),
                        score: c.score,
                        date: c.given_on,
                    })
                    .collect()
            })
            .collect(),
    })
}

/// `"x,y x,y"` for an SVG polyline.
pub fn polyline(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart in words, for screen readers and anyone who cannot see it.
pub fn describe(name: &str, points: &[&CheckIn]) -> String {
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => format!(
            "{name}: {} ratings, from {} on {} to {} on {}.",
            points.len(),
            first.score,
            first.given_on.format("%-d %B %Y"),
            last.score,
            last.given_on.format("%-d %B %Y")
        ),
        (Some(only), _) => format!(
            "{name}: one rating, {} on {}.",
            only.score,
            only.given_on.format("%-d %B %Y")
        ),
        _ => format!("{name}: no ratings yet."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::CheckInId;
    use crate::domain::rating::Scale;

    fn rating(day: u32, score: u8) -> CheckIn {
        CheckIn {
            id: CheckInId::new(),
            scale: Scale::Family,
            score,
            given_on: NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default(),
            given_by: "Kelly".into(),
            by_member: None,
            comment: String::new(),
            answers: Default::default(),
        }
    }

    #[test]
    fn points_span_the_plot_and_ten_is_at_the_top() {
        let a = [rating(1, 0), rating(31, 10)];
        let b = [rating(16, 5)];
        let placed = chart(&[a.iter().collect(), b.iter().collect()]);
        let Some(placed) = placed else {
            panic!("a chart with points")
        };
        let first = &placed.series[0][0];
        let last = &placed.series[0][1];
        assert_eq!((first.x, first.y), (LEFT, HEIGHT - BOTTOM));
        assert_eq!((last.x, last.y), (WIDTH - RIGHT, TOP));
        let middle = &placed.series[1][0];
        assert_eq!(middle.x, LEFT + (WIDTH - LEFT - RIGHT) / 2);
        assert_eq!(
            polyline(&placed.series[1]),
            format!("{},{}", middle.x, middle.y)
        );
    }

    #[test]
    fn no_ratings_no_chart_and_one_date_sits_in_the_middle() {
        assert_eq!(chart(&[vec![], vec![]]), None);
        let one = [rating(3, 4)];
        let placed = chart(&[one.iter().collect()]).map(|c| c.series[0][0].x);
        assert_eq!(placed, Some(LEFT + (WIDTH - LEFT - RIGHT) / 2));
    }

    #[test]
    fn the_text_alternative_says_where_a_series_went() {
        let a = [rating(1, 2), rating(9, 3), rating(20, 6)];
        assert_eq!(
            describe("Your ratings", &a.iter().collect::<Vec<_>>()),
            "Your ratings: 3 ratings, from 2 on 1 March 2026 to 6 on 20 March 2026."
        );
        assert_eq!(describe("Worker", &[]), "Worker: no ratings yet.");
    }
}
