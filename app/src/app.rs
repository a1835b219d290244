//! The HTML document and the routes.

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::components::sign_in_notice::SignInNotice;
use crate::pages;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    crate::response::content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                // An inline icon: no extra request, nothing to cache.
                <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1 1 7h2v8h10V7h2z' fill='%230b5563'/%3E%3C/svg%3E"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                // Islands mode: everything outside an island is drawn as plain HTML. A page with no
                // island goes without these (server/src/island_scripts.rs).
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

const APP_NAME: &str = "Hearth";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::refusal::provide();
    // Every page waits for its data before the first byte, so a refusal can carry its status code.
    let ssr = SsrMode::Async;
    view! {
        // "Hearth" alone while a page loads after a link is followed: its own title comes with
        // its data, and a page must never be without one.
        <Title text=APP_NAME formatter=|page: String| if page == APP_NAME { page } else { format!("{page} – {APP_NAME}") }/>
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" class="page" tabindex="-1">
                <SignInNotice/>
                <Routes fallback=crate::components::problem::NotFoundPage>
                    <Route path=path!("/") view=pages::home::HomePage ssr=ssr.clone()/>
                    <Route path=path!("/login") view=pages::sign_in::SignInPage ssr=ssr.clone()/>
                    <Route path=path!("/login/code") view=pages::sign_in_code::SignInCodePage ssr=ssr.clone()/>
                    <Route path=path!("/confirm") view=pages::confirm_identity::ConfirmIdentityPage ssr=ssr.clone()/>
                    <Route path=path!("/join") view=pages::join::JoinPage ssr=ssr.clone()/>
                    <Route path=path!("/set-up") view=pages::set_up::SetUpPage ssr=ssr.clone()/>
                    <Route path=path!("/accounts/new") view=pages::new_staff::NewStaffPage ssr=ssr.clone()/>
                    <Route path=path!("/accounts/:id") view=pages::staff_account::StaffAccountPage ssr=ssr.clone()/>
                    <Route path=path!("/teams") view=pages::teams::TeamsPage ssr=ssr.clone()/>
                    <Route path=path!("/imports") view=pages::imports::ImportsPage ssr=ssr.clone()/>
                    <Route path=path!("/imports/:id") view=pages::extract_report::ExtractReportPage ssr=ssr.clone()/>
                    <Route path=path!("/teams/:id") view=pages::team_admin::TeamAdminPage ssr=ssr.clone()/>
                    <Route path=path!("/families") view=pages::caseload::CaseloadPage ssr=ssr.clone()/>
                    <Route path=path!("/families/new") view=pages::new_family::NewFamilyPage ssr=ssr.clone()/>
                    <Route path=path!("/families/closed") view=pages::caseload::ClosedCasesPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id") view=pages::family::FamilyPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/members/new") view=pages::new_member::NewMemberPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/members/:member") view=pages::member::MemberPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/findings") view=pages::findings::FindingsPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/case") view=pages::case_status::CaseStatusPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/new") view=pages::goal_form::GoalFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/:goal") view=pages::goal::GoalPagePage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/:goal/edit") view=pages::goal_form::GoalFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/:goal/change") view=pages::change_work::ChangeWorkPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/:goal/history") view=pages::goal_history::GoalHistoryPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/goals/:goal/steps/:step") view=pages::step_form::StepFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/safety/:safety") view=pages::safety_form::SafetyFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/houses/:houses") view=pages::houses_form::HousesFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/workbook") view=pages::workbook::WorkbookPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/workbook/new/:kind") view=pages::entry_form::EntryFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/workbook/:entry") view=pages::entry::EntryPagePage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/workbook/:entry/edit") view=pages::entry_form::EntryFormPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/allocation") view=pages::allocation::AllocationPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/chronology") view=pages::chronology::ChronologyPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/assessment") view=pages::assessment::AssessmentPage ssr=ssr.clone()/>
                    <Route path=path!("/families/:id/supervision") view=pages::supervision::SupervisionPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests") view=pages::information_requests::InformationRequestsPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests/find") view=pages::request_subject::RequestSubjectPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests/new/:member") view=pages::new_information_request::NewInformationRequestPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests/:id") view=pages::information_request::InformationRequestPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests/:id/review") view=pages::disclosure_review::DisclosureReviewPage ssr=ssr.clone()/>
                    <Route path=path!("/information-requests/:id/disclosure") view=pages::disclosure_document::DisclosureDocumentPage ssr=ssr.clone()/>
                    <Route path=path!("/disposals") view=pages::disposals::DisposalsPage ssr=ssr.clone()/>
                    <Route path=path!("/disposals/:family") view=pages::family_disposal::FamilyDisposalPage ssr=ssr.clone()/>
                    <Route path=path!("/week") view=pages::week::WeekPage ssr=ssr.clone()/>
                    <Route path=path!("/team") view=pages::team::TeamPage ssr=ssr.clone()/>
                    <Route path=path!("/team/openings") view=pages::openings::OpeningsPage ssr=ssr.clone()/>
                    <Route path=path!("/team/workers") view=pages::team::TeamWorkersPage ssr=ssr.clone()/>
                    <Route path=path!("/invitations/:id") view=pages::invitation::InvitationPage ssr=ssr.clone()/>
                    <Route path=path!("/me") view=pages::own_page::OwnPagePage ssr=ssr.clone()/>
                    <Route path=path!("/me/goals/:goal") view=pages::own_change::OwnChangePage ssr=ssr.clone()/>
                    <Route path=path!("/prompts") view=pages::prompt_library::PromptLibraryPage ssr=ssr.clone()/>
                    <Route path=path!("/audit") view=pages::audit_trail::AuditTrailPage ssr=ssr.clone()/>
                    <Route path=path!("/accounts") view=pages::accounts::AccountsPage ssr=ssr.clone()/>
                    <Route path=path!("/account") view=pages::account::AccountPage ssr=ssr.clone()/>
                    <Route path=path!("/account/password") view=pages::change_password::ChangePasswordPage ssr=ssr.clone()/>
                    <Route path=path!("/account/second-factor") view=pages::second_factor::SecondFactorPage ssr=ssr.clone()/>
                    <Route path=path!("/account/recovery-codes") view=pages::second_factor::RecoveryCodesPage ssr=ssr/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
