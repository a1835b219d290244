//! The change talk trend: a bar pair per session, change talk solid and sustain talk hatched,
//! with the counts written at the bar ends and the trend in words.

use crate::domain::mi::change_talk::{describe_trend, Tally};
use crate::domain::mi::talk_chart::{talk_chart, BAR, LEFT, WIDTH};
use leptos::prelude::*;

#[component]
pub fn TalkChart(tallies: Vec<Tally>) -> impl IntoView {
    let summary = describe_trend(&tallies);
    let Some(chart) = talk_chart(&tallies) else {
        return view! { <p class="hint">{summary}</p> }.into_any();
    };
    let rows = chart
        .rows
        .iter()
        .map(|r| {
            let change_y = r.y + 3;
            let sustain_y = r.y + 3 + BAR + 2;
            view! {
                <text class="chart__label" x=LEFT - 6 y=r.y + 16 text-anchor="end">{r.heard_on.format("%-d %b").to_string()}</text>
                <rect class="talk__bar talk__bar--change" x=LEFT y=change_y width=r.change_width height=BAR/>
                <text class="chart__label" x=LEFT + r.change_width + 4 y=change_y + BAR - 1>{r.change}</text>
                <rect class="talk__bar talk__bar--sustain" x=LEFT y=sustain_y width=r.sustain_width height=BAR/>
                <text class="chart__label" x=LEFT + r.sustain_width + 4 y=sustain_y + BAR - 1>{r.sustain}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg class="chart__svg" viewBox=format!("0 0 {WIDTH} {}", chart.height) role="img" aria-labelledby="talk-title talk-desc">
                <title id="talk-title">"Change talk and sustain talk per session"</title>
                <desc id="talk-desc">{summary.clone()}</desc>
                <defs>
                    <pattern id="talk-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="4" class="talk__hatch"/>
                    </pattern>
                </defs>
                {rows}
            </svg>
            <figcaption class="chart__key">
                <span class="chart__key-item"><span class="talk__swatch talk__swatch--change" aria-hidden="true"></span>"Change talk (upper, solid bar)"</span>
                <span class="chart__key-item"><span class="talk__swatch talk__swatch--sustain" aria-hidden="true"></span>"Sustain talk (lower, hatched bar)"</span>
            </figcaption>
            <p class="chart__summary">{summary}</p>
        </figure>
    }
    .into_any()
}
