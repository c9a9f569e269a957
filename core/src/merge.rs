//! Combining two versions of one account (this tab's and another tab's), so
//! a conflict between tabs never loses an entry.

use std::collections::HashMap;

use crate::model::{Account, EntryId};

/// Merges `mine` into `theirs`: every entry of both survives. Entries with
/// the same id and content are kept once; an entry of mine whose id is taken
/// by a different entry of theirs gets a fresh id (and repairs pointing at it
/// follow). Client details and settings are mine (the user is editing them
/// here); own categories, stock-takes, moments and assessments are the
/// union (a clashing moment or assessment id is renumbered too).
pub fn merge_accounts(theirs: &Account, mine: &Account) -> Account {
    let mut out = theirs.clone();
    out.client = mine.client.clone();
    for cat in &mine.own_categories {
        if !out.own_categories.iter().any(|c| c.id == cat.id) {
            out.own_categories.push(cat.clone());
        }
    }
    let mut next = out.next_entry_id().0.max(mine.next_entry_id().0);
    let mut renamed: HashMap<EntryId, EntryId> = HashMap::new();
    let mut added = Vec::new();
    for e in &mine.entries {
        match theirs.entry(e.id) {
            Some(t) if t == e => {}
            Some(_) => {
                let fresh = EntryId(next);
                next += 1;
                renamed.insert(e.id, fresh);
                let mut copy = e.clone();
                copy.id = fresh;
                added.push(copy);
            }
            None => added.push(e.clone()),
        }
    }
    for e in &mut added {
        if let Some(r) = e.repairs.and_then(|r| renamed.get(&r)) {
            e.repairs = Some(*r);
        }
    }
    out.entries.extend(added);
    for st in &mine.stock_takes {
        if !out.stock_takes.contains(st) {
            out.stock_takes.push(st.clone());
        }
    }
    out.stock_takes.sort_by_key(|s| s.date);
    let mut next_moment = crate::moments::next_moment_id(&out)
        .0
        .max(crate::moments::next_moment_id(mine).0);
    for m in &mine.moments {
        let mut copy = m.clone();
        if let Some(booked) = copy.action.as_mut().and_then(|a| a.booked.as_mut()) {
            if let Some(r) = renamed.get(booked) {
                *booked = *r;
            }
        }
        match out.moments.iter().find(|t| t.id == m.id) {
            Some(t) if *t == copy => {}
            Some(_) => {
                copy.id = crate::moments::MomentId(next_moment);
                next_moment += 1;
                out.moments.push(copy);
            }
            None => out.moments.push(copy),
        }
    }
    let mut next_response = out.next_response_id().0.max(mine.next_response_id().0);
    for r in &mine.assessments {
        match out.assessments.iter().find(|t| t.id == r.id) {
            Some(t) if t == r => {}
            Some(_) => {
                let mut copy = r.clone();
                copy.id = crate::questionnaire::ResponseId(next_response);
                next_response += 1;
                out.assessments.push(copy);
            }
            None => out.assessments.push(r.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use chrono::NaiveDate;

    #[test]
    fn keeps_every_entry_of_both_tabs() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let base = demo::synthetic(10, 1, today);
        let mut theirs = base.clone();
        let mut mine = base.clone();
        let mut t_new = base.entries[0].clone();
        t_new.id = EntryId(11);
        t_new.note = "theirs".into();
        theirs.entries.push(t_new);
        let mut m_new = base.entries[1].clone();
        m_new.id = EntryId(11);
        m_new.note = "mine".into();
        mine.entries.push(m_new);
        mine.client.name = "Renamed here".into();
        let merged = merge_accounts(&theirs, &mine);
        assert_eq!(merged.entries.len(), 12);
        assert!(merged
            .entries
            .iter()
            .any(|e| e.note == "theirs" && e.id == EntryId(11)));
        assert!(merged
            .entries
            .iter()
            .any(|e| e.note == "mine" && e.id == EntryId(12)));
        assert_eq!(merged.client.name, "Renamed here");
        let ids: std::collections::HashSet<_> = merged.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), merged.entries.len(), "ids stay unique");
    }

    #[test]
    fn keeps_moments_and_assessments_of_both_tabs() {
        use crate::moments::MomentId;
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let base = demo::example(today, 3);
        let mut theirs = base.clone();
        let mut mine = base.clone();
        // Both tabs book a new entry with the same id; mine books it for a
        // done action.
        let mut t_entry = base.entries[0].clone();
        t_entry.id = base.next_entry_id();
        t_entry.note = "theirs".into();
        theirs.entries.push(t_entry);
        let ours = base
            .entries
            .iter()
            .find(|e| {
                e.party == crate::model::Party::Supplier
                    && e.direction == crate::model::Direction::Deposit
                    && e.repairs.is_none()
            })
            .unwrap();
        let mut m_entry = ours.clone();
        m_entry.id = base.next_entry_id();
        m_entry.note = "mine".into();
        mine.entries.push(m_entry.clone());
        let action = mine.moments[2].action.as_mut().unwrap();
        action.done = Some(today);
        action.booked = Some(m_entry.id);
        theirs.assessments.pop();
        let merged = merge_accounts(&theirs, &mine);
        assert_eq!(merged.assessments.len(), base.assessments.len());
        assert_eq!(merged.moments.len(), base.moments.len() + 1);
        let copy = merged.moments.last().unwrap();
        assert_eq!(copy.id, MomentId(4));
        let booked = copy.action.as_ref().unwrap().booked.unwrap();
        assert_eq!(merged.entry(booked).unwrap().note, "mine");
        assert_eq!(crate::validate::validate_account(&merged, today), vec![]);
    }
}
