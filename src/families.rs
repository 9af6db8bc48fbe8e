//! The families of `#/provenance`: sources that are one text (joined by provenance links),
//! each in order, oldest first where the links tell it, with the link that ties each member to
//! one placed before it (the tree the view draws; the list shows every link). Pure, tested
//! natively.

use parallax_core::provenance::Link;

/// One family: its members in drawing order and, for each member after the first, the link
/// (index into the links) that ties it to an earlier member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// Document positions, oldest first where known, else in library order.
    pub members: Vec<usize>,
    /// For each member, the link drawn to a member placed before it (`None` for the first).
    pub parent: Vec<Option<usize>>,
}

/// The families among `n` documents joined by `links`, largest first (then by first
/// member); documents in no link are left out.
pub fn families(n: usize, links: &[Link]) -> Vec<Family> {
    let in_range = |l: &&Link| l.a < n && l.b < n && l.a != l.b;
    // Connected components, by union-find.
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], x: usize) -> usize {
        let mut x = x;
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for l in links.iter().filter(in_range) {
        let (ra, rb) = (find(&mut root, l.a), find(&mut root, l.b));
        if ra != rb {
            root[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for d in 0..n {
        if !links.iter().filter(in_range).any(|l| l.a == d || l.b == d) {
            continue;
        }
        let r = find(&mut root, d);
        match groups.iter_mut().find(|g| g.0 == r) {
            Some(g) => g.1.push(d),
            None => groups.push((r, vec![d])),
        }
    }
    let groups = groups.into_iter().map(|g| g.1);
    let mut out: Vec<Family> = groups.map(|g| order(&g, links)).collect();
    out.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then(x.members.iter().min().cmp(&y.members.iter().min()))
    });
    out
}

/// Members of one family, oldest first: a member goes after every member its links say came
/// earlier (a topological order, library order among the rest; a cycle of contradictory
/// dates falls back to library order); each member's parent is its link to a member
/// placed before it: one that says that member came first, else the closest relation, else
/// the most shared.
fn order(group: &[usize], links: &[Link]) -> Family {
    let mut left: Vec<usize> = group.to_vec();
    let mut members = Vec::new();
    let earlier_than = |x: usize, y: usize| {
        links
            .iter()
            .any(|l| l.earlier == Some(x) && l.later() == Some(y))
    };
    while !left.is_empty() {
        let pick = left
            .iter()
            .position(|&y| !left.iter().any(|&x| x != y && earlier_than(x, y)))
            .unwrap_or(0);
        members.push(left.remove(pick));
    }
    let parent = members
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            links
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    let other = if l.a == m {
                        l.b
                    } else if l.b == m {
                        l.a
                    } else {
                        return false;
                    };
                    members[..k].contains(&other)
                })
                .max_by(|(_, x), (_, y)| {
                    // A link that says the other member came first, then the closest
                    // relation (a copy over an update over a rewrite), then the most shared.
                    let told = |l: &Link| l.earlier.is_some_and(|e| e != m);
                    told(x)
                        .cmp(&told(y))
                        .then(y.relation.cmp(&x.relation))
                        .then(x.shared.total_cmp(&y.shared))
                })
                .map(|(i, _)| i)
        })
        .collect();
    Family { members, parent }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::provenance::{Counts, Relation};

    fn link(a: usize, b: usize, relation: Relation, earlier: Option<usize>) -> Link {
        Link {
            a,
            b,
            relation,
            shared: 0.9,
            earlier,
            evidence: Vec::new(),
            counts: Counts::default(),
            substitutions: Vec::new(),
            inferred: false,
        }
    }

    /// Families as "members / parents" (parents as the other end of the drawn link).
    #[track_caller]
    fn check(n: usize, links: &[Link], expected: &[&str]) {
        let got: Vec<String> = families(n, links)
            .iter()
            .map(|f| {
                let parents: Vec<String> = f
                    .members
                    .iter()
                    .zip(&f.parent)
                    .map(|(&m, p)| {
                        p.map_or("-".to_string(), |i| {
                            let l = &links[i];
                            (if l.a == m { l.b } else { l.a }).to_string()
                        })
                    })
                    .collect();
                format!("{:?} / {}", f.members, parents.join(","))
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn families_oldest_first() {
        use Relation::*;
        let rows: &[(&str, usize, Vec<Link>, &[&str])] = &[
            ("no links", 3, vec![], &[]),
            (
                "an update and its original, the later first in the library",
                2,
                vec![link(0, 1, Update, Some(1))],
                &["[1, 0] / -,1"],
            ),
            (
                "a wire, its reprint and a rewrite; one independent source left out",
                4,
                vec![
                    link(0, 2, SameCopy, None),
                    link(0, 3, Rewrite, Some(0)),
                    link(2, 3, Rewrite, None),
                ],
                // 3's arc goes to 0, whose link says which came first, not to 2, the later
                // member it is also linked to.
                &["[0, 2, 3] / -,0,0"],
            ),
            (
                "two families, largest first",
                5,
                vec![
                    link(0, 1, SameCopy, None),
                    link(2, 3, Update, Some(4)),
                    link(3, 4, Update, Some(4)),
                    link(2, 4, Update, Some(4)),
                ],
                &["[4, 2, 3] / -,4,4", "[0, 1] / -,0"],
            ),
            (
                "contradictory dates fall back to library order",
                2,
                vec![link(0, 1, Update, Some(0)), link(1, 0, Update, Some(1))],
                &["[0, 1] / -,0"],
            ),
            (
                "links out of range are ignored",
                1,
                vec![link(0, 3, Update, None)],
                &[],
            ),
        ];
        for (name, n, links, expected) in rows {
            eprintln!("{name}");
            check(*n, links, expected);
        }
    }
}
