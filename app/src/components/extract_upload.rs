//! The form that sends the case system's extract: a plain form of files, posted to its own route,
//! so it works the same with or without JavaScript. A check changes nothing; an import needs a
//! check of the same files first.

use crate::components::form::{described_by, group_class, ErrorSummary, Feedback, FieldHeading};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn ExtractUpload(
    /// Import (after a check), rather than check.
    #[prop(optional)]
    apply: bool,
) -> impl IntoView {
    let feedback = Feedback::kept(paths::IMPORT_UPLOAD);
    let label = if apply {
        "Choose the same files again"
    } else {
        "Choose the extract's CSV files"
    };
    let hint = "ssd_person.csv, ssd_family.csv and ssd_involvements.csv, and ssd_cp_plans.csv and ssd_cin_episodes.csv if the extract has them. At most 25 MB together.";
    view! {
        <ErrorSummary feedback/>
        <form method="post" action=paths::IMPORT_UPLOAD enctype="multipart/form-data" novalidate>
            <div class=group_class(feedback, "files")>
                <FieldHeading feedback name="files" label hint=Some(hint)/>
                <input
                    class="file-upload"
                    id=feedback.id("files")
                    name="files"
                    type="file"
                    multiple
                    accept=".csv,text/csv"
                    aria-describedby=described_by(feedback, "files", true)
                />
            </div>
            {apply.then(|| view! { <input type="hidden" name="mode" value="apply"/> })}
            <button type="submit" class="button">
                {if apply { "Import these files" } else { "Check the files" }}
            </button>
        </form>
    }
}
