//! Walking the tree over signals and answers. Pure: the caller supplies both.

use super::{Node, NodeKind, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionMode {
    /// Unanswered questions take their default (`check` mode).
    UseDefaults,
    /// Unanswered questions stop the walk (the wizard asks).
    Ask,
}

/// A signal's answer: its outcome, and the cause a reply rule named (if any). A check node
/// with a branch for that cause takes it before the outcome's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub outcome: String,
    pub cause: Option<String>,
}

impl From<&str> for Answer {
    fn from(outcome: &str) -> Answer {
        Answer {
            outcome: outcome.to_string(),
            cause: None,
        }
    }
}

impl From<String> for Answer {
    fn from(outcome: String) -> Answer {
        Answer {
            outcome,
            cause: None,
        }
    }
}

#[derive(Debug)]
pub enum WalkState<'t> {
    Done,
    Waiting { node: &'t Node, signal: &'t str },
    Asking { node: &'t Node },
}

#[derive(Debug)]
pub struct Walk<'t> {
    /// Every node visited, in order.
    pub path: Vec<&'t Node>,
    /// Conclusion nodes reached, primary first.
    pub conclusions: Vec<&'t Node>,
    /// Question id and the choice used (given or default).
    pub answers_used: Vec<(String, String)>,
    pub state: WalkState<'t>,
}

pub fn walk<'t>(
    tree: &'t Tree,
    signal: &mut dyn FnMut(&str) -> Option<Answer>,
    answer: &dyn Fn(&str) -> Option<String>,
    mode: QuestionMode,
) -> Walk<'t> {
    let mut w = Walk {
        path: Vec::new(),
        conclusions: Vec::new(),
        answers_used: Vec::new(),
        state: WalkState::Done,
    };
    let mut current = tree.start();
    // Validation forbids cycles; the bound keeps a bad tree from looping anyway.
    let mut budget = tree.nodes.len() + 1;
    while let Some(node) = current {
        if budget == 0 {
            break;
        }
        budget -= 1;
        w.path.push(node);
        let next: Option<&str> = match &node.kind {
            NodeKind::Check { signal: name, on } => match signal(name) {
                None => {
                    w.path.pop();
                    w.state = WalkState::Waiting { node, signal: name };
                    return w;
                }
                Some(answer) => {
                    let by_cause = answer
                        .cause
                        .as_ref()
                        .and_then(|c| on.iter().find(|(o, _)| o == c));
                    by_cause
                        .or_else(|| on.iter().find(|(o, _)| *o == answer.outcome))
                        .map(|(_, n)| n.as_str())
                }
            },
            NodeKind::Question(q) => {
                let given = answer(&node.id).filter(|a| q.choices.iter().any(|c| c.id == *a));
                let chosen = match (given, mode) {
                    (Some(a), _) => a,
                    (None, QuestionMode::UseDefaults) => q.default.clone(),
                    (None, QuestionMode::Ask) => {
                        w.path.pop();
                        w.state = WalkState::Asking { node };
                        return w;
                    }
                };
                let next = q
                    .choices
                    .iter()
                    .find(|c| c.id == chosen)
                    .map(|c| c.next.as_str());
                w.answers_used.push((node.id.clone(), chosen));
                next
            }
            NodeKind::Conclusion(c) => {
                w.conclusions.push(node);
                c.then.as_deref()
            }
            NodeKind::End => None,
        };
        current = next.and_then(|id| tree.node(id));
    }
    w
}
