//! Ingest throughput, in bytes of article text per second on one core, over a synthetic corpus of
//! about 1 MB made from varied sentences (captures, withdrawals, sieges, clashes, quotes, filler).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sandline::dataset::{DataDir, load};
use sandline::ingest::Ingestor;
use std::hint::black_box;

#[path = "../src/allocator.rs"]
mod allocator;

const TARGET_BYTES: usize = 1_000_000;
/// Articles of about this size, each with its own date line.
const ARTICLE_BYTES: usize = 6_000;

const PLACES: &[&str] = &[
    "Waddan",
    "Hun",
    "Sokna",
    "Gharyan",
    "Tarhuna",
    "Sirte",
    "Derna",
    "Benghazi",
    "al-Asabaa",
    "Zuwara",
    "Sabratha",
    "Misrata",
    "Bani Walid",
    "Ajdabiya",
    "Brega",
    "the Jufra air base",
    "the Ras Ajdir border crossing",
    "Mizdah",
];
const SIDES: &[&str] = &[
    "Haftar's forces",
    "the LNA",
    "Libyan National Army troops",
    "forces loyal to the GNA",
    "the Benghazi Defence Brigades",
    "Libya Dawn fighters",
    "Islamic State militants",
    "Tripoli-allied forces",
    "pro-Haftar forces",
];
const DAYS: &[&str] = &[
    "on Friday",
    "on Sunday",
    "yesterday",
    "last month",
    "on May 7",
    "late last month",
    "earlier this month",
    "",
];
const TEMPLATES: &[&str] = &[
    "{S} captured the town of {P} {D}, a spokesman said.",
    "{S} withdrew from {P} {D} after heavy shelling, residents said.",
    "{P} is still under the control of {S}, local officials said.",
    "{S} have besieged {P} for nearly two years.",
    "There were clashes near {P} {D} between {S} and government troops.",
    "\"We have sealed the crossing and deployed forces there,\" he told AFP.",
    "{S} vowed to take {P} but failed to capture the town of {Q} {D}.",
    "The next target would be {P}, north-west of {Q}, the commander said.",
    "Rights groups have expressed concern over risks to civilians in {P}.",
    "{S} lost the town of {P} to {T} {D}, but regained it after airstrikes on Monday.",
    "The United Nations envoy called for a ceasefire and a return to talks in Geneva.",
    "{S} took control of fortified positions at the entrances of {P}, he said.",
];

fn corpus() -> String {
    let mut out = String::with_capacity(TARGET_BYTES + ARTICLE_BYTES);
    let mut n = 0usize;
    while out.len() < TARGET_BYTES {
        let start = out.len();
        out.push_str(&format!("Fighting in Libya, report {n}\n\n{} June, 2017\n\n", 1 + n % 28));
        while out.len() - start < ARTICLE_BYTES {
            let pick = |list: &[&'static str], salt: usize| list[(n * 7 + salt * 13 + n / 3) % list.len()];
            let sentence = pick(TEMPLATES, 1)
                .replace("{S}", pick(SIDES, 2))
                .replace("{T}", pick(SIDES, 5))
                .replace("{P}", pick(PLACES, 3))
                .replace("{Q}", pick(PLACES, 6))
                .replace("{D}", pick(DAYS, 4))
                .replace("  ", " ")
                .replace(" ,", ",")
                .replace(" .", ".");
            out.push_str(&sentence);
            out.push_str(if n % 4 == 3 { "\n\n" } else { " " });
            n += 1;
        }
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let loaded = load(&DataDir::Embedded).expect("the built-in dataset loads");
    let ingestor = Ingestor::new(&loaded.dataset);
    let text = corpus();
    let articles: Vec<&str> = text.split("\n\n\n").collect();
    let proposals: usize = articles.iter().map(|a| ingestor.extract(a, None).proposals.len()).sum();
    eprintln!("corpus: {} bytes in {} articles, {proposals} claims proposed", text.len(), articles.len());
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("synthetic_1mb", |b| {
        b.iter(|| {
            articles.iter().map(|a| ingestor.extract(black_box(a), None).proposals.len()).sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
