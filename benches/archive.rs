//! Speed of looking back at school scale (4,000 placements, about 11,000 files): the overview
//! and a search keystroke through the index, each beside an anchor measured in the same run
//! (the overview read from the files, as before the index; ripgrep reading the same files).

use std::process::Command;

use chrono::Local;
use criterion::{Criterion, criterion_group, criterion_main};
use stagegesprek::demo::write_demo;
use stagegesprek::domain::search::SearchQuery;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;

const PLACEMENTS: usize = 4000;

fn archive(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let today = Local::now().date_naive();
    write_demo(&store, guide, PLACEMENTS, today).unwrap();
    // The first build, once; every figure below is an index that is up to date.
    store.overview(today, &mut |_, _| {});

    let mut group = c.benchmark_group("archive of 4000 placements");
    group.sample_size(10);
    group.bench_function("overview through the index (every folder compared)", |b| {
        b.iter(|| store.overview(today, &mut |_, _| {}));
    });
    group.bench_function("anchor: overview read from the files", |b| {
        b.iter(|| store.summaries_on(today));
    });
    let placements = tmp.path().join("placements");
    if Command::new("rg").arg("--version").output().is_ok() {
        group.bench_function("anchor: ripgrep reading the same files for 'kassa'", |b| {
            b.iter(|| {
                Command::new("rg")
                    .args(["-c", "-i", "--no-ignore", "--hidden", "kassa"])
                    .arg(&placements)
                    .output()
                    .unwrap()
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("search keystroke, 4000 placements");
    let (index, _) = store.fresh_index(today, &mut |_, _| {}).unwrap();
    for typed in ["k", "ka", "kas", "kassa", "kassa afsl", "zzz"] {
        group.bench_function(format!("'{typed}'"), |b| {
            let query = SearchQuery::words(typed);
            b.iter(|| index.search(&query, today).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, archive);
criterion_main!(benches);
