//! The one way a versioned record (a goal, a step, a danger statement, a workbook entry) is
//! saved. Everything happens under the write lock, in one transaction: a new record is added once
//! however often its form is sent (its id was made by the page), an edit is saved only from the
//! version it was made from, the change is kept in the plan history as words, the record is
//! shared with the family members chosen, and the audit trail records it. The demo data goes
//! through the same steps (`save_in`), with its own clock.

use crate::auth::caller::Caller;
use crate::domain::history::{diff, Field, FieldChange, Subject};
use crate::domain::ids::{AccountId, FamilyId, GoalId, MemberId};
use crate::domain::kept_apart::{self, Pair};
use crate::domain::plain_words::staff_time;
use crate::domain::record::RecordRef;
use crate::error::{AppError, FieldErrors};
use crate::services::new_id;
use crate::store::audit::NewEntry;
use crate::store::locked::{claim, Claim};
use crate::store::plan_history::NewChange;
use crate::store::{self, audit, now_ms, StoreError, WriteTx};
use uuid::Uuid;

/// "Status, Target date": which fields a change touched, for the audit trail.
pub(crate) fn changed_fields(changes: &[FieldChange]) -> String {
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    fields.join(", ")
}

/// What a kind of versioned record tells the kernel about itself.
pub(crate) trait Versioned {
    /// What plan history calls it.
    const SUBJECT: Subject;

    /// The record, named with its kind: what it is shared and kept in history as.
    fn record(&self) -> RecordRef;

    /// Its id as plan history keeps it.
    fn id(&self) -> String {
        self.record().id().to_string()
    }

    /// The goal it belongs to, for the goal's history.
    fn goal(&self) -> Option<GoalId> {
        None
    }

    /// The version the form was made from: 0 for a new record.
    fn version(&self) -> i64;

    /// The family members who may see it, for records shared with the family.
    fn shared_with(&self) -> Option<&[MemberId]> {
        None
    }

    /// The family member it is written for (a goal's owner, a step's person), whose partner in
    /// a separation may not see it. A step of a goal is also for the goal's owner.
    fn for_member(&self) -> Option<MemberId> {
        None
    }

    /// What it belongs to: its family, or its goal for a step. A new record's id that already
    /// belongs elsewhere is refused.
    fn owner(&self) -> Uuid;

    /// Rules that must hold among the family's records when a new one is added; checked under
    /// the write lock so that two saves cannot both pass.
    async fn check_new(&self, _write: &mut WriteTx) -> Result<(), AppError> {
        Ok(())
    }

    /// Rules that must hold among the family's records when one is changed, under the write
    /// lock like [`Versioned::check_new`].
    async fn check_change(&self, _write: &mut WriteTx) -> Result<(), AppError> {
        Ok(())
    }

    /// Adds it; `false` when the id was taken after all.
    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError>;

    /// Saves it over version `self.version()`; `false` when another version was saved first.
    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError>;

    /// The audit entry's detail for an added record (`changes` lists every field) or a change.
    fn audit_detail(&self, added: bool, changes: &[FieldChange]) -> String {
        let _ = changes;
        if added { "added" } else { "changed" }.into()
    }
}

/// One save of a versioned record.
pub(crate) struct Save<'a, R> {
    pub family: FamilyId,
    pub record: R,
    /// The record as stored now, as (version, fields in words); `None` when it is new here.
    pub current: Option<(i64, Vec<Field>)>,
    /// The record as the form has it, in words.
    pub after: Vec<Field>,
    /// Why, when the form asks (kept in history).
    pub reason: &'a str,
}

/// What a save came to.
pub(crate) enum Saved {
    Added(Vec<FieldChange>),
    Changed(Vec<FieldChange>),
    /// A new record sent again, or an edit that changed nothing.
    Nothing,
    /// Someone saved another version first.
    Conflict,
    /// A new record's id already names another record.
    Taken,
    /// Its sharing would show something written for one of a pair kept apart to the other.
    KeptApart(Pair),
}

/// Saves a record for `caller`: the server functions' path. `audit` is the entry the policy
/// check began; `typed` is the form as typed, given back if someone else saved first.
pub(crate) async fn save<R: Versioned>(
    caller: &Caller,
    save: Save<'_, R>,
    audit: NewEntry,
    typed: FieldErrors,
) -> Result<(), AppError> {
    let actor = caller.viewer()?.account_id;
    let mut write = caller.state.db.write().await?;
    let (added, changes) = match save_in(&mut write, &save, actor, now_ms()).await? {
        Saved::Added(changes) => (true, changes),
        Saved::Changed(changes) => (false, changes),
        Saved::Nothing => return Ok(()),
        Saved::Conflict => {
            drop(write);
            let id = save.record.id();
            return Err(edit_conflict(caller, &id, save.record.version(), typed).await);
        }
        Saved::Taken => {
            drop(write);
            return Err(new_id::refuse(caller, &audit, save.record.record()).await);
        }
        Saved::KeptApart(pair) => {
            let names =
                store::household::names_in(&mut write, &[pair.first(), pair.second()]).await?;
            drop(write);
            let mut errors = typed;
            errors.add("visible_to", kept_apart::refusal(&names[0], &names[1]));
            return Err(AppError::Invalid(errors));
        }
    };
    let detail = save.record.audit_detail(added, &changes);
    audit::append(
        &mut write,
        &audit.record(save.record.record()).detail(detail),
    )
    .await?;
    write.commit().await?;
    Ok(())
}

/// The kernel: every step of a save inside one write transaction, as `actor` at `at`.
pub(crate) async fn save_in<R: Versioned>(
    write: &mut WriteTx,
    save: &Save<'_, R>,
    actor: AccountId,
    at: i64,
) -> Result<Saved, AppError> {
    let record = &save.record;
    let (version, changes) = if record.version() == 0 {
        match claim(write, record.record(), record.owner()).await? {
            Claim::Free => {}
            Claim::Retry => return Ok(Saved::Nothing),
            Claim::Taken => return Ok(Saved::Taken),
        }
        record.check_new(write).await?;
        if !record.insert(write, at).await? {
            return Ok(Saved::Nothing);
        }
        (1, diff(None, &save.after))
    } else {
        let Some((current_version, before)) = &save.current else {
            return Err(AppError::NotFound);
        };
        if *current_version != record.version() {
            return Ok(Saved::Conflict);
        }
        let changes = diff(Some(before), &save.after);
        if changes.is_empty() {
            return Ok(Saved::Nothing);
        }
        record.check_change(write).await?;
        if !record.update(write, at).await? {
            return Ok(Saved::Conflict);
        }
        (record.version() + 1, changes)
    };
    if let Some(members) = record.shared_with() {
        if let Some(pair) = breaks_separation(write, save.family, record, members).await? {
            return Ok(Saved::KeptApart(pair));
        }
        store::goals::set_shared(write, record.record(), members).await?;
    }
    keep_history(
        write,
        &NewChange {
            family: save.family,
            goal: record.goal(),
            subject: R::SUBJECT,
            subject_id: record.id(),
            version,
            actor,
            at,
            reason: save.reason,
            changes: &changes,
        },
    )
    .await?;
    Ok(if version == 1 {
        Saved::Added(changes)
    } else {
        Saved::Changed(changes)
    })
}

/// The pair kept apart that sharing `record` with `members` would break, read under the lock.
async fn breaks_separation<R: Versioned>(
    write: &mut WriteTx,
    family: FamilyId,
    record: &R,
    members: &[MemberId],
) -> Result<Option<Pair>, StoreError> {
    let pairs = store::kept_apart::current_in(write, family).await?;
    if pairs.is_empty() {
        return Ok(None);
    }
    let mut for_members: Vec<MemberId> = record.for_member().into_iter().collect();
    if let Some(goal) = record.goal() {
        for_members.extend(store::kept_apart::goal_owner_in(write, goal).await?);
    }
    Ok(kept_apart::broken_by(&pairs, &for_members, members))
}

/// Keeps a change in the plan history; an empty change is not kept. Also for changes that are
/// not edits of a form (closing a goal, marking a step done).
pub(crate) async fn keep_history(
    write: &mut WriteTx,
    change: &NewChange<'_>,
) -> Result<(), StoreError> {
    if change.changes.is_empty() {
        return Ok(());
    }
    store::plan_history::append(write, change).await
}

/// Someone saved `subject_id` after the form's `version`: say who changed what, and give the
/// form back with what was typed and the current version, so saving again is a choice.
async fn edit_conflict(
    caller: &Caller,
    subject_id: &str,
    from_version: i64,
    mut typed: FieldErrors,
) -> AppError {
    let changes = match store::plan_history::since_version(
        &caller.state.db,
        subject_id,
        from_version,
    )
    .await
    {
        Ok(changes) => changes,
        Err(error) => return error.into(),
    };
    let current = changes.last().map_or(from_version, |c| c.change.version);
    let described: Vec<String> = changes
        .iter()
        .map(|c| {
            let fields: Vec<String> = c
                .change
                .changes
                .iter()
                .map(|f| format!("{}: \"{}\" → \"{}\"", f.field, f.before, f.after))
                .collect();
            format!(
                "{} saved a change at {}: {}.",
                c.change.actor_name,
                staff_time(c.change.at),
                fields.join("; ")
            )
        })
        .collect();
    typed.errors.clear();
    typed.add(
        "version",
        format!(
            "Someone else saved this while you were editing, so your changes were not saved. {} What you typed is below: check it and save again.",
            described.join(" ")
        ),
    );
    typed.values.retain(|(field, _)| field != "version");
    typed.keep("version", &current.to_string());
    AppError::EditConflict(typed)
}
