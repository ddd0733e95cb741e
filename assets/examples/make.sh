#!/bin/sh
# Draws the README's example briefings again: an SVG, a PDF page and an MP4 timelapse.
# Run from the repository's top after `cargo build --release`.
set -eu
sandline=${SANDLINE:-target/release/sandline}
out=assets/examples
"$sandline" render --date 2017-06-04 --compare-from 2017-06-01 --center 28.9,16.6 --zoom 7 \
    --width 1280 --height 720 --out "$out/jufra-changes-2017-06.svg"
"$sandline" render --date 2019-04-10 --size a4 \
    --title "Control of territory in Libya, the week Haftar's army reached Tripoli" \
    --out "$out/libya-2019-04-10-a4.pdf"
"$sandline" render --from 2019-04-01 --to 2020-06-30 --step 2w --fps 3 --hold-ms 1000 \
    --center 32.55,13.25 --zoom 8 --width 1280 --height 720 \
    --title "The Tripoli offensive, fortnight by fortnight" --out "$out/tripoli-2019-2020.mp4"
