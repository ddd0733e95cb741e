//! The trigger table: one line per action, voice and flags, then its phrases. Phrases are words as
//! the tokenizer cuts them ("re - established"); a longer phrase wins over a shorter one at the same
//! word. "control of" also reads "control over" and "control on", and "took full control of" reads
//! as "took control of".
//!
//! Actions: C captured, W withdrew, H holds, B besieged, F contested. Voices: A active, P passive,
//! AA actor after, U under control, N noun. Flags: n near, p participle, f firm, e either side,
//! w weak, x entry, o object, t present tense, i intransitive, v expels a side.

use super::{EITHER, ENTRY, EXPEL, FIRM, INTRANSITIVE, NEAR, OBJECT, PARTICIPLE, PRESENT, Voice, WEAK};
use crate::model::Action;

const TABLE: &str = "
C A - | capture, captures, capturing, seize, seizes, seizing, retake, retakes, retook, retaking
C A - | recapture, recaptures, recapturing, regain, regains, regaining, liberate, liberates
C A - | liberating, overran, overruns
C A p | captured, seized, retaken, recaptured, regained, liberated, overrun, re - secured, re - captured
C A - | take control of, takes control of, took control of, taken control of, taking control of
C A - | seize control of, seizes control of, seized control of, seizing control of, gain control of
C A - | gains control of, gained control of, gaining control of, regain control of, regained control of
C A - | regains control of, regaining control of, wrested control of, wrest control of
C A - | re - established control of, re - establish control of, restored control of, assumed control of
C A - | established control of, establish control of, establishes control of, establishing control of
C A - | imposed control of, imposed its control of, imposed their control of, extended control of
C A - | retook control of, retaken control of, took back, take back, taken back, taking back
C A - | took back control of, take back control of, taken back control of, taking back control of
C A - | reasserted control of, reassert control of, reasserting control of, reclaimed, reclaim, reclaiming
C A - | took over, take over, takes over, taking over, taken over
C A i | take control, takes control, took control, taken control, taking control, seized control
C A i | gained control, regained control
C A n | take, takes, took, taking
C A np | taken
C A npw | secured
C A - | won back, wrested, wrest, wrests, wresting
C A v | drove, drive, drives, driving, pushed, pushes, pushing, expelled, expel, expels, expelling
C A v | ousted, oust, ousts, ousting, evicted, evict, evicts, evicting, routed, flushed, kicked
C A v | dislodged, dislodge, dislodges, dislodging, chased, chase, chases, chasing
C AA - | fell to, fallen to, falls to, fell into the hands of, fallen into the hands of
C AA - | came under the control of, fell under the control of, handed over to, turned over to
C AA - | fallen into control of, fell into control of
C A - | won control of, win control of, wins control of, winning control of, claimed control of
C A - | claims control of, claiming control of, declared victory in, declared victory over
C A - | announced victory in, announced the liberation of, announces the liberation of
C A - | declared the liberation of, declares the liberation of, announced the full liberation of
C A - | announced the total liberation of, announced the complete liberation of
C N - | liberation of, capture of, seizure of, recapture of, fall of, takeover of
C N - | regaining of control of, regaining control of, restoration of control of
C N - | victory over, victory in, victories over
C A x | enter, enters, entering, storm, storms, storming, moved into, moving into, move into
C A x | moves into, marched into, rolled into, swept into, advanced into, advancing into
C A x | pushed into, pushing into, broke into, arrived in, arrive in, arriving in, arrived at
C A xp | entered, stormed
C A xo | reached, reach, reaches, reaching
C A x | drove into, drive into, drives into, driving into, rolling into, pushed deep into
W A - | lost, lose, loses, losing, withdrew, withdraw, withdraws, withdrawn, withdrawing
W A - | pulled out, pull out, pulls out, pulling out, retreated, retreat, retreat from
W A - | retreats from, retreating, pushed out of, driven out of, forced out of, expelled from
W A - | ousted from, ceded, fled from, fleeing from, conceded, concede, concedes, conceding
W A - | lost control of, loses control of, losing control of, lose control of
W A - | driven from, routed from, chased out of, chased from, kicked out of, flushed out of, flushed from
W A - | dislodged from
W A - | pulled its forces out of, pulled their forces out of, pulled its troops out of, pulled back from
W A - | pulled their troops out of, pulled its fighters out of, pulled their fighters out of
W A - | pulled back its forces from, pulled back their forces from, pulled back its troops from
W N - | loss of
C AA - | was lost to, were lost to, been lost to
W A - | pushed back from, were pushed back from, was pushed back from
W A - | handed control of, handed over control of, hands control of, handing control of, ceded control of
W A - | lifted its siege of, lifted their siege of, ended its siege of, ended their siege of
W A - | pull back from, pulls back from, pulling back from, fell back from
W A - | fall back from, falls back from, falling back from, gave up control of, give up control of
W A o | gave up, give up, gives up, giving up
W A no | fled, fleeing
W A n | abandoned, evacuated, handed over
W A no | left, quit
W A o | surrendered, surrender, surrenders, vacated, vacate, vacates
W N - | retreat of, withdrawal of, withdrawal from
W A - | defeated in, routed in
W N - | defeat in, defeats in
H AA - | under the control of, under control of, in the hands of, in the grip of
H AA - | under the de facto control of, under de facto control of, under the full control of
H U - | under control, under their control, under its control, under his control, under our control
H U - | under your control
H A - | in control of, maintain control of, maintains control of, maintained control of
H A - | denied losing, denies losing, deny losing, denying losing, denied having lost, denied it had lost
H A - | denied losing control of, denies losing control of, denied that it had lost, denied they had lost
H A i | in control
H A - | retain control of, retains control of, retained control of, kept control of
H A - | keep control of, keeps control of
H A - | maintains its grip on, maintained its grip on, maintain their grip on, maintained their grip on
H A - | tightened its grip on, tightens its grip on, tightening its grip on, tightened their grip on
H P - | controlled by, held by, occupied by, defended by
H A nw | control, controls, controlled, controlling, hold, holds, held, holding
H A ti | based, stationed
H N e | stronghold, strongholds, bastion, bastions, foothold, footholds
H N e | main base, main bases, forward base, main forward base, rear base, main rear base
H N e | hands
H N w | based in
H A n | sealed off, sealed, seal, seals, sealing
H A - | repelled an attack on, repel an attack on, repelled attacks on, repulsed an attack on
H A - | repelled an attack at, repelled attacks at, repulsed an attack at, repelled an assault on
H A w | positioned in, deployed in, deployed to, redeployed to, redeployed in
H A w | holed up in, entrenched in, dug in in, barricaded in, have been in, has been in
H A w | escaped to, fled to, fell back to, regrouped in, took refuge in
H A w | maintains a presence in, maintain a presence in, maintained a presence in, has a presence in
H A w | loosened its grip on, loosening its grip on, loosened their grip on
H N - | grip on
B A - | besiege, besieges, besieging, encircle, encircles, encircling
B A p | besieged, encircled
B A np | surrounded
B A - | took control of the areas surrounding, taken control of the areas surrounding
B A - | take control of the areas surrounding, seized the areas surrounding, took the areas surrounding
B A - | control of the areas surrounding, controls the areas surrounding, control the areas surrounding
B N - | siege of, siege on, siege to, siege around, blockade of, blockade on
B AA - | under siege by, under siege from, under full siege by, under full siege from, under a siege by
B A f | lift the siege of, lift the siege on
B A - | tightening the noose on, tightened the noose on, tighten the noose on, tightens the noose on
B A - | tightening the noose around, tightened the noose around
F N - | clashes in, clashes near, clashes around, clashes for, clashes over, clashes
F A n | clashed
F N - | fighting in, fighting for, fighting around, fighting near, fighting over, fighting
F A - | fought for, fought over, fighting for control of, fight for control of, fought for control of
F A - | battling for control of, vying for control of, competing for control of
F N - | for control of, battle for control of, struggle for control of, battles for control of
F A n | battling, battled, fought
F A - | gained ground in, gaining ground in, lost ground in, losing ground in, marched on, marching on
F N - | offensive to retake, offensive to take, offensive to capture, offensive to seize
F N - | campaign to retake, campaign to take, campaign to capture, bid to retake, bid to capture
F N - | push to retake, push to take, push to capture
F N - | operation to capture, operation to retake, operation to take, operation to seize, operation to liberate
F A - | pushed to within, advanced to within, pushing to within, advancing to within, came to within
F N - | battle for, battles for, battle of, battle over, battles in, battles around
F N e | battle
F N - | confrontations in, confrontations, hostilities in, hostilities
F N - | skirmishes in, skirmishes, gun battles, gunbattles, firefights, street battles, street fighting
F N - | raid on, raids on, advances in, gains in, incursion into, incursions into, incursion in
F N w | airstrikes on, air strikes on, airstrike on, air strike on, bombing of, bombardment of
F N - | attack on, attacks on, assault on, offensive on, offensive against
F N - | push on, push into, push against, attack against, attacks against
F N - | counterattack on, counterattack against, counter - attack on, counter - attack against
F N - | counterattack in, counterattack near, counterattack around, counter - attack in
F N - | counteroffensive in, counteroffensive near, counteroffensive around, counter - offensive in
F N - | counter - offensive near, counter - offensive around, advance in, advances on
F N - | advance near, advance towards, advance toward, advance into, advances near, advances towards
F A n | counterattacked, counterattacking, counter - attacked, counter - attacking
F A - | exchanged fire in, exchanged fire near, traded fire in, traded fire near, exchanging fire in
H A n | defending, defended, defend, defends
F N - | counteroffensive on, counteroffensive against, counter - offensive on, counter - offensive against
F A - | closing in on, closed in on, close in on, closes in on
F A nw | approaching, approached
F AA - | attack by, attacks by, attacked by
F AA - | under attack from, under attack by, under fire from, under assault from, under assault by
F A n | attacked, attacking, attacks
F A - | advanced on, advancing on, advance on, advances on, advanced toward, advanced towards
F A - | advancing toward, advancing towards, advanced in, advancing in
F A - | advanced to, advancing to, advance to, advances to, pushed toward, pushed towards
F A - | pushing toward, pushing towards, moved toward, moved towards, moving toward, moving towards
F A - | edged closer to, edging closer to, gained a foothold in, gaining a foothold in
F A nw | shelled, shelling, struck, striking, bombarded, bombed
F AA - | lost ground, losing ground
";

/// (phrase, action, voice, flags) for every phrase of the table, skipping any line that does not
/// read (a test checks that none is skipped).
pub(super) fn entries() -> Vec<(&'static str, Action, Voice, u16)> {
    TABLE.lines().filter_map(line).flatten().collect()
}

fn line(line: &'static str) -> Option<Vec<(&'static str, Action, Voice, u16)>> {
    let (head, phrases) = line.split_once('|')?;
    let mut head = head.split_whitespace();
    let action = match head.next()? {
        "C" => Action::Captured,
        "W" => Action::Withdrew,
        "H" => Action::Holds,
        "B" => Action::Besieged,
        "F" => Action::Contested,
        _ => return None,
    };
    let voice = match head.next()? {
        "A" => Voice::Active,
        "P" => Voice::Passive,
        "AA" => Voice::ActorAfter,
        "U" => Voice::UnderControl,
        "N" => Voice::Noun,
        _ => return None,
    };
    let mut flags = 0;
    for c in head.next()?.chars() {
        flags |= match c {
            'n' => NEAR,
            'p' => PARTICIPLE,
            'f' => FIRM,
            'e' => EITHER,
            'w' => WEAK,
            'x' => ENTRY,
            'o' => OBJECT,
            't' => PRESENT,
            'i' => INTRANSITIVE,
            'v' => EXPEL,
            '-' => 0,
            _ => return None,
        };
    }
    Some(
        phrases
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| (p, action, voice, flags))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_reads() {
        let lines = TABLE.lines().filter(|l| !l.trim().is_empty());
        for l in lines {
            assert!(line(l).is_some_and(|p| !p.is_empty()), "{l:?}");
        }
    }
}
