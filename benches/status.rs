//! `status` over ten years of daily check-ins: the core verdict alone, and the
//! whole path a `comeback status` takes (open the store, read, assess).

use comeback::checkin::assess;
use comeback::plan::generate;
use comeback::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "fixture/mod.rs"]
mod fixture;

fn bench_status(c: &mut Criterion) {
    let (profile, template) = fixture::setup();
    let plan = generate(&profile, &template).expect("valid");
    let journal = fixture::journal();
    let today = fixture::today();
    c.bench_function("assess 10 years of daily check-ins", |b| {
        b.iter(|| assess(black_box(&plan), &template, black_box(&journal), today))
    });

    let dir = fixture::data_dir();
    c.bench_function("open the store, read 10 years and assess", |b| {
        b.iter(|| {
            let mut store = Store::open(dir.path()).expect("store");
            let saved = store.plan().expect("plan").expect("a plan");
            let plan = generate(&saved.profile, &saved.template).expect("valid");
            let journal = store.journal().expect("journal");
            assess(&plan, &saved.template, &journal, today)
        })
    });
}

criterion_group!(benches, bench_status);
criterion_main!(benches);
