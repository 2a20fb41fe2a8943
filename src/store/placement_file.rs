//! `placement.yaml`: the placement between a version number and an end marker, like a
//! record, so a file cut off by a full disk or a sync tool is reported instead of being read
//! as a placement with fewer fields.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::disk::Disk;
use super::error::{Damage, StoreError};
use super::read::read_text;
use crate::domain::Placement;
use crate::domain::placement::safe_id;

/// Version 2 added the version number and the end marker; older files have neither.
const PLACEMENT_SCHEMA: u32 = 2;

const fn legacy() -> u32 {
    1
}

#[derive(Serialize, Deserialize)]
struct PlacementFile {
    #[serde(default = "legacy")]
    schema_version: u32,
    #[serde(flatten)]
    placement: Placement,
    /// Fields written by a newer version, carried along when this version saves. Declared
    /// after `placement`, so it only receives the fields `Placement` does not take.
    #[serde(flatten)]
    extra: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    end_of_file: bool,
}

/// The file's text for `placement`.
pub fn placement_yaml(placement: &Placement) -> String {
    placement_yaml_with(placement, BTreeMap::new())
}

fn placement_yaml_with(
    placement: &Placement,
    extra: BTreeMap<String, serde_json::Value>,
) -> String {
    super::to_yaml(&PlacementFile {
        schema_version: PLACEMENT_SCHEMA,
        placement: placement.clone(),
        extra,
        end_of_file: true,
    })
}

/// Reads the placement stored in the folder named `folder_id`. A file that says it belongs
/// to another folder is reported, not obeyed: its id would send every save elsewhere.
pub fn read_placement(
    disk: &dyn Disk,
    path: &Path,
    folder_id: &str,
) -> Result<Placement, StoreError> {
    let text = read_text(disk, path)?;
    decode(&text, path, folder_id).map(|file| file.placement)
}

/// The text for `placement` that replaces the file at `path`, keeping the fields a newer
/// version wrote there. Refused when those fields would not come back unchanged (a YAML tag,
/// an integer too large for 64 bits, an alias), or when the file cannot be trusted at all.
pub fn replacement_yaml(
    disk: &dyn Disk,
    path: &Path,
    folder_id: &str,
    placement: &Placement,
) -> Result<String, StoreError> {
    let text = read_text(disk, path)?;
    let file = decode(&text, path, folder_id)?;
    let mut fields = super::read::unknown_fields(&text, &file);
    let names: Vec<&str> = file.extra.keys().map(String::as_str).collect();
    // What the file would hold if only the known fields changed: the kept ones must match.
    let unchanged = placement_yaml_with(&file.placement, file.extra.clone());
    fields.extend(super::lossless::changed_fields(&text, &unchanged, &names));
    if !fields.is_empty() {
        return Err(StoreError::UnknownFields {
            path: path.to_path_buf(),
            fields,
        });
    }
    let placement = Placement {
        id: file.placement.id,
        ..placement.clone()
    };
    Ok(placement_yaml_with(&placement, file.extra))
}

fn decode(text: &str, path: &Path, folder_id: &str) -> Result<PlacementFile, StoreError> {
    let damaged = |damage| StoreError::Damaged {
        path: path.to_path_buf(),
        damage,
    };
    let file: PlacementFile =
        serde_saphyr::from_str(text).map_err(|e| StoreError::parse(path.to_path_buf(), &e))?;
    if file.schema_version > PLACEMENT_SCHEMA {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            version: file.schema_version,
        });
    }
    if file.schema_version >= 2 && !file.end_of_file {
        return Err(damaged(Damage::Incomplete));
    }
    if file.placement.id != folder_id {
        return Err(damaged(Damage::Misplaced {
            found: safe_id(&file.placement.id),
        }));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::disk::RealDisk;

    fn sample() -> Placement {
        Placement {
            id: "fem-bakker".into(),
            student: "Fem Bakker".into(),
            company: "Bakkerij Het Zonnige Deeg".into(),
            ..Placement::default()
        }
    }

    #[test]
    fn a_cut_off_placement_file_is_damaged_not_shorter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("placement.yaml");
        let text = placement_yaml(&sample());
        assert!(text.trim_end().ends_with("end_of_file: true"), "{text}");
        std::fs::write(&path, &text).unwrap();
        assert_eq!(
            read_placement(&RealDisk, &path, "fem-bakker").unwrap(),
            sample()
        );
        let cut = text.find("company").unwrap();
        std::fs::write(&path, &text[..cut]).unwrap();
        assert!(matches!(
            read_placement(&RealDisk, &path, "fem-bakker"),
            Err(StoreError::Damaged {
                damage: Damage::Incomplete,
                ..
            })
        ));
        // Files written before the marker existed are still read.
        std::fs::write(&path, "id: fem-bakker\nstudent: Fem Bakker\n").unwrap();
        assert_eq!(
            read_placement(&RealDisk, &path, "fem-bakker")
                .unwrap()
                .student,
            "Fem Bakker"
        );
        // A copy from another folder is reported.
        assert!(matches!(
            read_placement(&RealDisk, &path, "iemand-anders"),
            Err(StoreError::Damaged {
                damage: Damage::Misplaced { .. },
                ..
            })
        ));
    }
}
