//! Whether fields that a newer version wrote would come back unchanged if this version saved
//! the record. They are carried as generic values, which lose what a generic value cannot
//! hold: a YAML tag (`!note`), an integer too large for 64 bits, an alias. The check compares
//! the parser's own events for those fields before and after a save, so it sees exactly what
//! would be written, not what the value types think they hold.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle};

/// A YAML node as written, with what a save could change about it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Node {
    Scalar {
        tag: Option<String>,
        text: String,
        plain: bool,
    },
    Seq(Option<String>, Vec<Node>),
    /// Entries sorted by key: writing may reorder them, which loses nothing.
    Map(Option<String>, Vec<(Node, Node)>),
    Alias,
}

/// The top-level `fields` whose value in `written` is not the value in `original`.
pub fn changed_fields(original: &str, written: &str, fields: &[&str]) -> Vec<String> {
    let (Some(Node::Map(_, before)), Some(Node::Map(_, after))) = (tree(original), tree(written))
    else {
        // A file that cannot be compared is treated as changed: safe, never lossy.
        return fields.iter().map(|f| (*f).to_string()).collect();
    };
    let value = |entries: &'_ [(Node, Node)], name: &str| -> Option<usize> {
        entries
            .iter()
            .position(|(key, _)| matches!(key, Node::Scalar { text, .. } if text == name))
    };
    fields
        .iter()
        .filter(|name| {
            let a = value(&before, name).map(|i| &before[i].1);
            let b = value(&after, name).map(|i| &after[i].1);
            a != b
        })
        .map(|name| (*name).to_string())
        .collect()
}

fn tree(text: &str) -> Option<Node> {
    let mut stack: Vec<Node> = Vec::new();
    // A map under construction keeps its last key until the value arrives.
    let mut pending_keys: Vec<Option<Node>> = Vec::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.ok()?;
        let node = match event {
            Event::Scalar(value, style, _, tag) => Some(scalar(&value, style, tag.as_ref())),
            Event::Alias(_) => Some(Node::Alias),
            Event::SequenceStart(_, _, tag) => {
                stack.push(Node::Seq(tag.map(|t| format!("{t:?}")), Vec::new()));
                pending_keys.push(None);
                None
            }
            Event::MappingStart(_, _, tag) => {
                stack.push(Node::Map(tag.map(|t| format!("{t:?}")), Vec::new()));
                pending_keys.push(None);
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                pending_keys.pop();
                let mut done = stack.pop()?;
                if let Node::Map(_, entries) = &mut done {
                    entries.sort();
                }
                Some(done)
            }
            _ => None,
        };
        let Some(node) = node else { continue };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Node::Seq(_, items)) => items.push(node),
            Some(Node::Map(_, entries)) => {
                let key = pending_keys.last_mut()?;
                match key.take() {
                    None => *key = Some(node),
                    Some(k) => entries.push((k, node)),
                }
            }
            Some(_) => return None,
        }
    }
    root
}

fn scalar(value: &str, style: ScalarStyle, tag: Option<&Cow<'_, granit_parser::Tag>>) -> Node {
    let plain = style == ScalarStyle::Plain;
    // Spellings of the same plain value that a writer may choose between.
    let text = match value {
        "~" | "null" | "Null" | "NULL" | "" if plain => "null".to_string(),
        "True" | "TRUE" if plain => "true".to_string(),
        "False" | "FALSE" if plain => "false".to_string(),
        other => other.to_string(),
    };
    Node::Scalar {
        tag: tag.map(|t| format!("{t:?}")),
        text,
        plain,
    }
}

#[cfg(test)]
mod tests {
    use super::changed_fields;

    #[test]
    fn tags_big_numbers_and_aliases_are_seen_as_changed_plain_values_are_not() {
        let original = "a: 1\nmood: !custom calm\nbig: 123456789012345678901234567890\n\
                        nested: {y: 2, x: [1, two]}\nplain: calm\nnothing: ~\n";
        let written = "a: 1\nmood:\n  custom: calm\nbig: 1.2345678901234568e+29\n\
                       nested:\n  x:\n  - 1\n  - two\n  y: 2\nplain: calm\nnothing: null\n";
        let fields = ["mood", "big", "nested", "plain", "nothing"];
        assert_eq!(changed_fields(original, written, &fields), ["mood", "big"]);
    }
}
