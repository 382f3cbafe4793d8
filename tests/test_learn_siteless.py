"""`cleaner learn` on documents with no site: what they all repeat is learned as a global rule.

The corpus is sixty short local stories, each a plain text file with no url, in
a folder not named like a host, each ending in the same two-line reader appeal.
No site can be named for them, so the appeal must come back as a rule for
every site (`learned-global-…`, no `sites`); with `--site` it is that site's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleaner import Cleaner
from cleaner.cli import main

APPEAL = (
    "Support the Harbor Ledger: independent reporting on our town depends on readers like you."
    " Give once or monthly.",
    "Maybe later.",
)

#: (headline, first paragraph, second paragraph), each story about something else.
STORIES = (
    (
        "Ferry timetable changes after the winter storms",
        "The morning ferry to the outer islands will leave half an hour earlier from next week,"
        " the operator said on Tuesday.",
        "Commuters who catch the bus from the station asked for a later connection at the pier.",
    ),
    (
        "Library opens a seed exchange in the reading room",
        "Gardeners can now borrow packets of tomato, bean and marigold seeds with a library card.",
        "Volunteers hope borrowers will return seeds from their own harvest in the autumn.",
    ),
    (
        "Fishermen report a strong mackerel season",
        "Boats working the northern banks brought in heavier catches than in any recent summer.",
        "Buyers at the market hall said prices fell as the fish kept arriving every morning.",
    ),
    (
        "Council delays vote on the new parking scheme",
        "Councillors postponed a decision on paid parking along the promenade after shopkeepers"
        " filled the chamber.",
        "The planning committee will publish a revised map before the next full meeting.",
    ),
    (
        "Lighthouse keeper's cottage to become a museum",
        "The trust that owns the headland has raised enough money to restore the old cottage.",
        "Its first exhibition will show logbooks kept by three generations of keepers.",
    ),
    (
        "School choir wins the county festival",
        "Forty pupils from the primary school sang a sea shanty arrangement written by their"
        " music teacher.",
        "The judges praised the younger singers for holding the harmony without accompaniment.",
    ),
    (
        "Bakery on Quay Street closes after sixty years",
        "The family that ran the shop since their grandparents opened it is retiring.",
        "Regulars queued around the corner on the last Saturday for a final loaf of rye.",
    ),
    (
        "Harbour wall repairs begin ahead of schedule",
        "Engineers started replacing the cracked granite blocks on the eastern arm this week.",
        "Small boats will be moored in the inner basin until the divers finish their survey.",
    ),
    (
        "Allotment holders fight a plan for flats",
        "A developer wants to build apartments on the land behind the cricket ground.",
        "Growers say the plots have fed their families since the war and should stay.",
    ),
    (
        "Swimmers brave the cold for the New Year dip",
        "Hundreds ran into the sea at the town beach, many of them in fancy dress.",
        "The lifeboat crew collected donations in buckets along the sea wall.",
    ),
    (
        "Cinema restores its original organ",
        "The art deco picture house has brought back the pipe organ that played before the"
        " talkies.",
        "A silent comedy with live accompaniment will mark the reopening of the balcony.",
    ),
    (
        "Pharmacy hours cut on weekends",
        "The only chemist in the old town will close at noon on Saturdays and all day Sunday.",
        "Patients with urgent prescriptions are being directed to the hospital dispensary.",
    ),
    (
        "Seal pup rescued from the slipway",
        "A young grey seal was found tangled in netting near the boatyard.",
        "Wildlife volunteers cut it free and released it from a quiet cove up the coast.",
    ),
    (
        "Teenagers build a skate park with donated timber",
        "A group of students designed ramps and rails on the disused tennis courts.",
        "The parish council agreed to insure the site if the builders keep it tidy.",
    ),
    (
        "Water company warns of low reservoir levels",
        "A dry spring has left the hill reservoir at its lowest point in a decade.",
        "Households are asked to avoid hosepipes and to report leaks in the street.",
    ),
    (
        "Retired captain publishes his memoirs",
        "Decades of cargo voyages to South America fill the pages of his first book.",
        "He will read passages aloud at the maritime society on Thursday evening.",
    ),
    (
        "Market traders move to the square for the summer",
        "Stalls selling cheese, honey and second-hand books will set up under the clock tower.",
        "The move frees the car park by the station for visitors arriving on coaches.",
    ),
    (
        "Rowing club celebrates a century on the estuary",
        "Former members came from as far as Canada to row in the anniversary regatta.",
        "The clubhouse displayed oars signed by crews who raced before the first war.",
    ),
    (
        "Bus route to the hospital saved",
        "The county transport board reversed its plan to cut the hourly service.",
        "Patients and nurses had signed a petition that ran to several thousand names.",
    ),
    (
        "Storm brings down the old elm on Church Lane",
        "The tree, thought to be two centuries old, blocked the lane for most of the day.",
        "Carpenters hope to turn its wood into benches for the churchyard.",
    ),
    (
        "Knitting group sends blankets to the maternity ward",
        "Members meet every Wednesday in the community hall to knit and talk.",
        "This year they finished more blankets than the ward has cots.",
    ),
    (
        "Harbourmaster retires after three decades",
        "She oversaw the dredging of the channel and the building of the marina pontoons.",
        "Skippers lined the quay and sounded their horns as she left the office.",
    ),
    (
        "New cycle path links the town to the beach",
        "The path follows the route of the railway line that closed in the sixties.",
        "Families tested it at the weekend with children on tricycles and trailers.",
    ),
    (
        "Art students paint a mural on the fish market",
        "The mural shows the fleet returning at dusk with gulls circling the masts.",
        "Traders said the painting has already drawn visitors with cameras.",
    ),
    (
        "Chess club beats the city team",
        "The town's best players won the inter-club match on the final board.",
        "Their youngest member, who is eleven, held a grandmaster candidate to a draw.",
    ),
    (
        "Police appeal after boats vandalised",
        "Outboard motors were damaged on several dinghies in the sailing club compound.",
        "Officers want to hear from anyone who saw torches on the shore late on Friday.",
    ),
    (
        "Choir of retired miners sings again",
        "The choir stopped during the pandemic and many feared it would not return.",
        "Its first concert back filled the chapel, with people standing at the doors.",
    ),
    (
        "Plans for an offshore wind farm go on show",
        "Residents can see models of the turbines in the town hall foyer all month.",
        "Fishermen want assurances that the cables will not cross their best grounds.",
    ),
    (
        "Bookshop hosts a crime writing weekend",
        "Authors of detective novels set on the coast will lead workshops and readings.",
        "The shop owner says crime fiction outsells every other section in the winter.",
    ),
    (
        "Coastguard trains volunteers in cliff rescue",
        "New recruits practised lowering a stretcher down the quarry face on Sunday.",
        "The station needs more volunteers who live within a few minutes of the harbour.",
    ),
    (
        "Pub quiz raises money for the lifeboat",
        "Teams packed the tavern by the slipway and answered questions about local history.",
        "The winners gave their prize back so the whole pot went to the crew.",
    ),
    (
        "Beach huts repainted in their original colours",
        "The huts along the north shore were stripped back to find the paint of the thirties.",
        "Owners chose between pale blue, mint green and a faded strawberry pink.",
    ),
    (
        "Primary school gets a vegetable garden",
        "Parents dug raised beds behind the playground over two weekends.",
        "Pupils will cook what they grow in the school kitchen once a month.",
    ),
    (
        "Old railway station becomes a cafe",
        "The waiting room has kept its fireplace, benches and the painted timetable board.",
        "Walkers on the coastal path stop there for soup and scones.",
    ),
    (
        "Record crowd at the lifeboat open day",
        "Visitors climbed aboard the all-weather boat and watched a helicopter winch drill.",
        "Children queued to try on helmets and waterproofs that swamped them.",
    ),
    (
        "Marine biologists count eelgrass in the bay",
        "Divers are mapping the underwater meadows that shelter young fish and seahorses.",
        "Anchoring will be discouraged over the densest beds this summer.",
    ),
    (
        "Town hall clock stops after a lightning strike",
        "The clock stood at a quarter past four for three days until a specialist arrived.",
        "He found the mechanism sound and blamed a burnt wire in the lighting circuit.",
    ),
    (
        "Youth football team reaches the cup final",
        "The under-fifteens beat a side from the city on penalties in the semi-final.",
        "Supporters are organising a coach to the stadium for the final.",
    ),
    (
        "Rare orchid found on the cliff top",
        "A botanist walking the headland spotted the flower among the thrift and sea campion.",
        "Its exact location is being kept quiet to protect it from collectors.",
    ),
    (
        "Shipyard wins an order for a research vessel",
        "The contract will keep welders and fitters busy for at least two years.",
        "Apprentices from the college will work on the hull alongside experienced hands.",
    ),
    (
        "Lantern parade lights up the old town",
        "Children carried paper lanterns shaped like fish, boats and lighthouses.",
        "The procession ended at the harbour with a band playing on the quay.",
    ),
    (
        "Residents object to late opening at the arcade",
        "Neighbours say the noise from the amusements carries across the square at night.",
        "The licensing panel will hear from both sides before the season starts.",
    ),
    (
        "Doctor's surgery recruits two new partners",
        "Waiting times for appointments should fall once the doctors start in spring.",
        "The practice had struggled since two senior doctors retired last year.",
    ),
    (
        "Crab festival returns to the harbour",
        "Cooks from the seafront restaurants will compete for the best dressed crab.",
        "The festival was last held before the fish market was rebuilt.",
    ),
    (
        "Walkers clear litter from the dunes",
        "Volunteers filled dozens of sacks with bottles, rope and plastic netting.",
        "The ranger said the worst of it had washed in during the spring tides.",
    ),
    (
        "Poet laureate visits the grammar school",
        "Sixth formers read their own verse to the visiting poet in the library.",
        "She told them that a notebook in a coat pocket is a writer's best tool.",
    ),
    (
        "Tidal pool reopens after a long repair",
        "The sea water pool under the cliffs had been closed since a winter storm cracked it.",
        "Swimmers were back at first light on the morning it filled.",
    ),
    (
        "Amateur astronomers welcome a dark sky status",
        "Street lights on the coast road now shine downward and dim after midnight.",
        "The society will hold stargazing evenings on the common once a month.",
    ),
    (
        "Carpenter restores a lifeboat from the forties",
        "The wooden boat spent decades in a barn before a trust bought it at auction.",
        "It will sail again in the harbour for the anniversary of its most famous rescue.",
    ),
    (
        "Care home residents record their memories of the port",
        "A history project is collecting stories of dockers, net menders and ferry crews.",
        "The recordings will be kept at the county archive for researchers.",
    ),
    (
        "Fire crews tackle a blaze at the boatyard",
        "Flames spread through a shed holding varnish and sails late on Wednesday.",
        "Nobody was hurt, but two yachts under repair were badly damaged.",
    ),
    (
        "Farmers market adds a Sunday date",
        "Demand from visitors has persuaded growers to trade on the green every Sunday.",
        "The organisers want more stalls selling bread and flowers.",
    ),
    (
        "Church bells ring again after restoration",
        "The bell ringers practised for months before the first full peal in ten years.",
        "Neighbours who complained about the noise were invited to try ringing.",
    ),
    (
        "Sailing school offers free lessons to pupils",
        "Every child in the last year of primary school can learn to sail this summer.",
        "The school hopes some of them will go on to crew in the club races.",
    ),
    (
        "Gull problem divides the seafront",
        "Cafe owners want a ban on feeding the birds after customers lost their chips.",
        "Bird lovers say people should simply keep an eye on their food.",
    ),
    (
        "Museum buys a painting of the harbour",
        "The oil painting shows the harbour crowded with sailing barges a century ago.",
        "It was bought at auction with help from a heritage fund and local donors.",
    ),
    (
        "Housing association builds homes for young families",
        "Twelve houses on the edge of town will be let at rents below the market rate.",
        "Priority goes to families who have lived in the parish for several years.",
    ),
    (
        "Drama group stages a play about the great flood",
        "The play follows a family on the night the sea broke through the defences.",
        "Older residents who lived through the flood helped the actors with their lines.",
    ),
    (
        "Hospital opens a new maternity unit",
        "Mothers will no longer have to travel to the city to give birth.",
        "The unit has four delivery rooms and a garden for new parents.",
    ),
    (
        "Night sky festival draws visitors from afar",
        "Telescopes lined the promenade and a planetarium tent stood on the green.",
        "Hotels reported their busiest weekend outside the summer holidays.",
    ),
)


def write_corpus(folder: Path) -> None:
    """Each story as a url-less text file: headline, two paragraphs, then the appeal."""
    folder.mkdir()
    for number, (headline, first, second) in enumerate(STORIES):
        text = "\n\n".join((headline, first, second, "\n".join(APPEAL))) + "\n"
        (folder / f"story-{number:02}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("siteless") / "corpus"
    write_corpus(folder)
    return folder


def learn(corpus: Path, output: Path, *options: str) -> list[dict[str, object]]:
    assert main(["learn", str(corpus), "-o", str(output), *options]) == 0
    rules = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert isinstance(rules, list)
    return rules


def test_the_corpus_is_sixty_different_stories() -> None:
    assert len(STORIES) == 60
    assert len({line for story in STORIES for line in story}) == 3 * 60


def test_documents_with_no_site_yield_a_global_rule(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "learned.yaml"
    (rule,) = learn(corpus, output)
    assert rule["kind"] == "drop_block"
    assert rule["id"] == "learned-global-1"
    assert "sites" not in rule and "fingerprint" not in rule
    assert "recurring in 60 of 60 documents with no known site" in str(rule["description"])
    assert main(["rules", "test", str(output)]) == 0
    cleaner = Cleaner(extra_rules=[output])
    for number, story in enumerate(STORIES):
        text = (corpus / f"story-{number:02}.txt").read_text(encoding="utf-8")
        document = cleaner.clean(text)
        assert not any(line in document.text for line in APPEAL)
        assert all(paragraph in document.text for paragraph in story[1:])


def test_the_site_option_scopes_the_same_rule_to_the_site(corpus: Path, tmp_path: Path) -> None:
    (rule,) = learn(corpus, tmp_path / "site.yaml", "--site", "harborledger.example")
    assert rule["kind"] == "drop_block"
    assert rule["sites"] == ["harborledger.example"]
    assert "of harborledger.example" in str(rule["description"])
