package main

// qual is how a count is qualified in the text.
type qual uint8

const (
	qExact    qual = iota // "24"
	qAbout                // "about 7,000"
	qAtLeast              // "at least 24"
	qMoreThan             // "more than 200"
)

// numSpec describes one counted fact of an event type. The first numSpec of
// every event type is the rising count that later reporting may update.
type numSpec struct {
	label          string
	q              qual
	lowerBoundOK   bool // the rising count may be written "at least N"
	min, max, step int
	tmpls, late    []tmpl
	maxLate        int // cap for the updated value; 0 for none
}

// claimForms are the five ways an article states one claim: asserted,
// attributed to a person, and three hedged forms.
type claimForms struct {
	label string
	forms [5]tmpl
}

const (
	cAsserted = iota
	cAttributed
	cHedge1
	cHedge2
	cHedge3
)

// quoteSpec is a quote with [a|b] alternatives: q1 is the part every
// article quotes, q2 the clause that only full quotes go on with.
type quoteSpec struct{ q1, q2 string }

// eventType is the vocabulary of one kind of story.
type eventType struct {
	name         string
	roles        [5]string // roles of P1..P4; index 0 is unused (the leader)
	p4Foreign    bool
	leads        []tmpl
	headlines    []tmpl
	nums         [4]numSpec
	framing      [2]tmpl
	framingLabel string
	claims       [2]claimForms
	quotes       []quoteSpec
	fillers      []tmpl
}

func claim(label, x, h, pp string) claimForms {
	body := x + " " + h + " " + pp
	return claimForms{label: label, forms: [5]tmpl{
		mustParse("Officials confirmed that «" + body + "»."),
		mustParse("«{P1} says " + body + "»."),
		mustParse("«" + x + " could reportedly have " + pp + "», local media said."),
		mustParse("According to unconfirmed reports, «" + x + " may have " + pp + "»."),
		mustParse("«" + x + " " + h + " reportedly " + pp + "», although officials have not confirmed it."),
	}}
}

func num(label string, q qual, min, max, step int, tmpls ...string) numSpec {
	return numSpec{label: label, q: q, min: min, max: max, step: step, tmpls: mustParseAll(tmpls)}
}

func rising(label string, lowerBoundOK bool, min, max, maxLate int, tmpls, late []string) numSpec {
	return numSpec{label: label, q: qExact, lowerBoundOK: lowerBoundOK, min: min, max: max, step: 1, maxLate: maxLate,
		tmpls: mustParseAll(tmpls), late: mustParseAll(late)}
}

var genericQuote = quoteSpec{"The people of {T} [deserve|are owed] [answers|honest answers]", "and they will get them"}

var eventTypes = []*eventType{
	{
		name:  "earthquake",
		roles: [5]string{"", "Emergencies Minister", "Governor", "ministry spokesperson", "chief seismologist"},
		leads: mustParseAll([]string{
			"A powerful earthquake «struck {T} {W}», flattening homes across {R}.",
			"An earthquake «shook {T} {W}», sending residents running into the streets.",
			"Buildings collapsed when an earthquake «hit {T} {W}», officials said.",
		}),
		headlines: mustParseAll([]string{
			"Deadly earthquake strikes {T}", "Rescuers search the rubble in {T} after powerful quake",
			"{T} counts the cost of a devastating earthquake", "{S0} promises help for quake-hit {T}",
		}),
		nums: [4]numSpec{
			rising("death toll", true, 6, 95, 0,
				[]string{"Officials said «{N} people were killed in {T}», most of them in collapsed apartment blocks.", "«{N} people were killed in {T}», the emergencies ministry said."},
				[]string{"The emergencies ministry said «the death toll in {T} had risen to {N}».", "«The death toll in {T} rose to {N}» as rescuers reached outlying villages."}),
			num("people injured", qMoreThan, 40, 600, 10,
				"«{N} people were injured in {T}», and hospitals across {R} were struggling to cope.", "Doctors said «{N} people were injured in {T}»."),
			num("rescuers sent", qAbout, 500, 9000, 100,
				"The government said «{N} rescuers had been sent to {T}».", "«{N} rescuers were working in the ruins of {T}», officials said."),
			num("homes destroyed", qAbout, 300, 6000, 100,
				"«{N} homes in {T} were destroyed or badly damaged», officials said.", "Engineers estimated that «{N} homes in {T} were destroyed or badly damaged»."),
		},
		framing: [2]tmpl{
			mustParse("Officials called it «the strongest earthquake to hit {T} in decades»."),
			mustParse("Seismologists described it as «a moderate tremor of the kind {T} experiences every few years»."),
		},
		framingLabel: "how severe the earthquake was",
		claims: [2]claimForms{
			claim("damage to the dam", "the dam above {T}", "has", "been damaged by the tremor"),
			claim("evacuation of the hospital", "the main hospital in {T}", "has", "been evacuated"),
		},
		quotes: []quoteSpec{
			{"We are doing everything [|we can |possible ]to [help|support] the people of {T}", "and we will not stop until every family has a roof over its head"},
			{"[The situation in {T} is|Conditions in {T} are] still [very|extremely] difficult", "but the rescue teams are working day and night"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Aftershocks rattled {T} throughout the night.",
			"Families in {T} slept outdoors, afraid to return to damaged buildings.",
			"Cracks ran along the walls of the old market hall in {T}.",
			"Rescue dogs were brought in to search collapsed buildings.",
			"Tents were set up in a park on the edge of {T}.",
			"The region sits on a major fault line.",
			"Survivors described the ground shaking violently for what felt like a long time.",
			"Volunteers formed human chains to pass bricks and debris.",
			"Mobile phone networks in {R} were overloaded.",
			"Residents queued for bread and bottled water in {T}.",
		}),
	},
	{
		name:  "flood",
		roles: [5]string{"", "Emergencies Minister", "Governor", "ministry spokesperson", "Mayor"},
		leads: mustParseAll([]string{
			"Flash floods «swept through {T} {W}» after heavy rain in the mountains.",
			"The river burst its banks and «flooded {T} {W}», cutting off much of {R}.",
			"Muddy water «poured into {T} {W}» as the river kept rising.",
		}),
		headlines: mustParseAll([]string{
			"Floods devastate {T}", "{T} under water after river bursts its banks",
			"Rescuers reach stranded residents in {T}", "{S0} visits flooded {T}",
		}),
		nums: [4]numSpec{
			rising("flood deaths", true, 4, 80, 0,
				[]string{"«{N} people died in the floods in {T}», officials said.", "Officials said «{N} people died in the floods in {T}»."},
				[]string{"«The number of flood victims in {T} rose to {N}», officials said.", "Officials said «the number of flood victims in {T} had risen to {N}»."}),
			num("residents evacuated", qAbout, 1000, 40000, 500,
				"«{N} residents of {T} were evacuated» as the water kept rising.", "Officials said «{N} residents of {T} were evacuated»."),
			num("soldiers deployed", qAbout, 300, 6000, 100,
				"The defence ministry said «{N} soldiers had been deployed to {T}».", "«{N} soldiers were deployed to {T}» to help with the evacuation."),
			num("homes flooded", qMoreThan, 200, 5000, 100,
				"«{N} homes in {T} were flooded», officials said.", "Satellite images showed that «{N} homes in {T} were flooded»."),
		},
		framing: [2]tmpl{
			mustParse("Residents called it «the worst flooding {T} has seen in living memory»."),
			mustParse("Officials described it as «the seasonal flooding that reaches {T} most springs»."),
		},
		framingLabel: "how unusual the flooding was",
		claims: [2]claimForms{
			claim("the bridge washed away", "the main bridge into {T}", "has", "been washed away"),
			claim("the water plant failing", "the water treatment plant in {T}", "has", "stopped working"),
		},
		quotes: []quoteSpec{
			{"The water came so [fast|quickly] that [nobody|no one] in {T} had time to [react|get out]", "and many people lost everything they owned"},
			{"We will [rebuild|restore] {T} [and make it|so that it is] stronger than before", "but first we must make sure everyone is safe"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Boats ferried residents from the rooftops of {T}.",
			"The smell of mud and diesel hung over the centre of {T}.",
			"Farmers in {R} feared for their harvest.",
			"Roads out of {T} were blocked by fallen trees and debris.",
			"Sandbags were piled along the riverbank.",
			"Schools in {T} were turned into temporary shelters.",
			"Residents waded through waist-deep water to reach dry ground.",
			"Drinking water was distributed from trucks.",
			"The river remained dangerously high.",
			"Volunteers cleared mud from homes and shops.",
		}),
	},
	{
		name:  "election",
		roles: [5]string{"", "election commission chairman", "Governor", "commission spokesperson", "opposition leader"},
		leads: mustParseAll([]string{
			"«Voters in {T} went to the polls {W}» in a closely watched election.",
			"«Polling stations in {T} opened {W}» for an election seen as a test for the government.",
			"«Residents of {T} cast their ballots {W}» in a vote that has divided {C}.",
		}),
		headlines: mustParseAll([]string{
			"{T} votes in closely watched election", "{S4} challenges government as {T} votes",
			"Long queues at polling stations in {T}", "Election in {T} seen as test for {S0}",
		}),
		nums: [4]numSpec{
			rising("share of ballots counted", false, 15, 55, 98,
				[]string{"«{N} percent of ballots in {T} had been counted», the election commission said.", "Officials said «{N} percent of ballots in {T} had been counted»."},
				[]string{"The election commission said «the count in {T} had reached {N} percent of ballots».", "«The count in {T} had reached {N} percent of ballots», officials said."}),
			num("registered voters", qAbout, 20000, 400000, 1000,
				"There are «{N} registered voters in {T}».", "Officials said «{N} registered voters in {T}» were eligible to take part."),
			num("polling stations", qExact, 20, 300, 1,
				"«{N} polling stations opened across {T}».", "The commission said «{N} polling stations opened across {T}»."),
			num("election observers", qAbout, 100, 2500, 50,
				"«{N} election observers were deployed in {T}».", "The commission said «{N} election observers were deployed in {T}»."),
		},
		framing: [2]tmpl{
			mustParse("The opposition framed the vote as «a referendum on the government's record in {T}»."),
			mustParse("Officials described the vote as «a routine local contest in {T}»."),
		},
		framingLabel: "what the vote was about",
		claims: [2]claimForms{
			claim("monitors barred", "opposition monitors in {T}", "have", "been barred from several polling stations"),
			claim("ballot boxes tampered with", "ballot boxes in {T}", "have", "been tampered with"),
		},
		quotes: []quoteSpec{
			{"The voters of {T} have [spoken|made their choice] [clearly|loud and clear]", "and we will respect their decision"},
			{"[This election|This vote] in {T} [is|was] [neither free nor fair|not free and not fair]", "and we will challenge the result in court"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Queues formed outside polling stations in {T} early in the morning.",
			"Campaign posters still covered the walls of {T}.",
			"Many voters said they hoped for better jobs and roads.",
			"Turnout was closely watched as a sign of public mood.",
			"State television broadcast appeals to vote.",
			"Some voters complained about confusion over polling lists.",
			"Opposition supporters gathered outside the local election office.",
			"The campaign was dominated by economic concerns.",
			"Police patrolled the streets of {T} during the vote.",
			"Ballot papers were counted by hand.",
		}),
	},
	{
		name:  "strike",
		roles: [5]string{"", "Labour Minister", "Governor", "union spokesperson", "union leader"},
		leads: mustParseAll([]string{
			"«Workers in {T} walked off the job {W}», bringing much of the town to a halt.",
			"A strike «began in {T} {W}» as workers demanded higher wages.",
			"Factory workers «stopped work in {T} {W}» in a dispute over pay.",
		}),
		headlines: mustParseAll([]string{
			"Strike paralyses {T}", "Workers walk out in {T}",
			"{S4} vows to continue strike in {T}", "Government under pressure over {T} strike",
		}),
		nums: [4]numSpec{
			rising("people detained", true, 10, 200, 0,
				[]string{"Police said «{N} people were detained in {T}».", "«{N} people were detained in {T}», police said."},
				[]string{"«The number of people detained in {T} rose to {N}», police said.", "Police said «the number of people detained in {T} had risen to {N}»."}),
			num("workers on strike", qAbout, 2000, 60000, 500,
				"«{N} workers in {T} joined the strike».", "Union officials said «{N} workers in {T} joined the strike»."),
			num("factories closed", qExact, 3, 40, 1,
				"«{N} factories in {T} were forced to close».", "Managers said «{N} factories in {T} were forced to close»."),
			num("police deployed", qAbout, 300, 5000, 100,
				"«{N} police officers were deployed in {T}».", "The interior ministry said «{N} police officers were deployed in {T}»."),
		},
		framing: [2]tmpl{
			mustParse("Union leaders called it «a nationwide strike that began in {T}»."),
			mustParse("The government described it as «a local pay dispute confined to {T}»."),
		},
		framingLabel: "how far the strike reaches",
		claims: [2]claimForms{
			claim("dock workers joining", "dock workers in {T}", "have", "joined the walkout"),
			claim("the steelworks halting", "the steelworks in {T}", "has", "halted production"),
		},
		quotes: []quoteSpec{
			{"We [will not|won't] [go back|return] to work until our demands are met in {T}", "and nobody can force us to"},
			{"[This strike|The strike] in {T} is [hurting|damaging] ordinary [families|people]", "and the unions must return to the negotiating table"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Buses stood idle in the depots of {T}.",
			"Pickets gathered outside the factory gates.",
			"Shops in {T} reported fewer customers.",
			"Workers say their wages have not kept up with prices.",
			"Negotiations between the unions and management have stalled.",
			"Strikers sang and waved flags outside the town hall of {T}.",
			"Some businesses in {T} sent their staff home.",
			"The dispute has drawn attention across {C}.",
			"Families of the strikers brought food to the picket lines.",
			"Employers spoke of the cost to the local economy.",
		}),
	},
	{
		name:  "trial",
		roles: [5]string{"", "Justice Minister", "Judge", "prosecutor", "opposition figure"},
		leads: mustParseAll([]string{
			"«A court in {T} opened the trial of {P4} {W}», in a case that has divided {C}.",
			"The trial of {P4} «began in {T} {W}» amid tight security.",
		}),
		headlines: mustParseAll([]string{
			"Trial of {S4} opens in {T}", "{S4} appears in court in {T}",
			"Tight security as {S4} goes on trial", "Supporters rally for {S4} in {T}",
		}),
		nums: [4]numSpec{
			rising("supporters detained", true, 5, 120, 0,
				[]string{"«{N} supporters of the defendant were detained outside the court in {T}».", "Police said «{N} supporters of the defendant were detained outside the court in {T}»."},
				[]string{"«The number of supporters detained outside the court in {T} rose to {N}».", "Police said «the number of supporters detained outside the court in {T} had risen to {N}»."}),
			num("prison term sought", qExact, 4, 25, 1,
				"Prosecutors are seeking «a prison term of {N} years for the defendant in {T}».", "The prosecution asked for «a prison term of {N} years for the defendant in {T}»."),
			num("witnesses", qMoreThan, 10, 150, 5,
				"«{N} witnesses are expected to testify in {T}».", "Lawyers said «{N} witnesses are expected to testify in {T}»."),
			num("co-defendants", qExact, 2, 20, 1,
				"«{N} co-defendants are on trial alongside the main defendant in {T}».", "Court officials said «{N} co-defendants are on trial alongside the main defendant in {T}»."),
		},
		framing: [2]tmpl{
			mustParse("Supporters called it «a politically motivated trial in {T}»."),
			mustParse("Prosecutors described it as «a routine fraud case before the court in {T}»."),
		},
		framingLabel: "what kind of case it is",
		claims: [2]claimForms{
			claim("a witness withdrawing", "a key prosecution witness from {T}", "has", "withdrawn their testimony"),
			claim("lawyers denied the files", "defence lawyers in {T}", "have", "been denied access to the case files"),
		},
		quotes: []quoteSpec{
			{"[This trial|This case] in {T} is about politics, not [justice|the law]", "and everyone in the country knows it"},
			{"The court in {T} will [examine|consider] all the evidence [carefully|with care]", "and the verdict will be based on the law alone"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"The courtroom in {T} was packed with journalists and relatives.",
			"The defendant appeared calm as the charges were read.",
			"Diplomats from several embassies attended the hearing.",
			"Supporters held placards outside the courthouse.",
			"The judge rejected a request to postpone the hearing.",
			"Defence lawyers argued that the charges were fabricated.",
			"Police cordoned off the streets around the court in {T}.",
			"The case has drawn criticism from human rights groups.",
			"The hearing continued late into the evening.",
			"Relatives of the defendant waited outside for news.",
		}),
	},
	{
		name:  "train crash",
		roles: [5]string{"", "Transport Minister", "Governor", "railway spokesperson", "railway chief"},
		leads: mustParseAll([]string{
			"A passenger train «derailed near {T} {W}», leaving carriages overturned beside the tracks.",
			"Several carriages of a passenger train «came off the rails near {T} {W}».",
		}),
		headlines: mustParseAll([]string{
			"Train derails near {T}", "Rescuers search wreckage of train near {T}",
			"{S1} orders inquiry into {T} rail crash", "Questions over safety after {T} derailment",
		}),
		nums: [4]numSpec{
			rising("death toll", true, 3, 70, 0,
				[]string{"«{N} people were killed when the train derailed near {T}».", "Officials said «{N} people were killed when the train derailed near {T}»."},
				[]string{"«The death toll from the derailment near {T} rose to {N}».", "Officials said «the death toll from the derailment near {T} had risen to {N}»."}),
			num("passengers injured", qMoreThan, 20, 400, 5,
				"«{N} passengers were injured in the crash near {T}».", "Hospital officials said «{N} passengers were injured in the crash near {T}»."),
			num("passengers on board", qAbout, 150, 1200, 10,
				"«{N} passengers were on board the train near {T}».", "The railway said «{N} passengers were on board the train near {T}»."),
			num("rescuers sent", qAbout, 200, 3000, 50,
				"«{N} rescuers were sent to the crash site near {T}».", "The emergencies ministry said «{N} rescuers were sent to the crash site near {T}»."),
		},
		framing: [2]tmpl{
			mustParse("The railway called it «an accident caused by a sudden landslide near {T}»."),
			mustParse("Critics called it «the result of years of neglect on the line through {T}»."),
		},
		framingLabel: "what caused the crash",
		claims: [2]claimForms{
			claim("the driver detained", "the driver of the train that crashed near {T}", "has", "been detained"),
			claim("signalling equipment stolen", "signalling equipment near {T}", "has", "been stolen"),
		},
		quotes: []quoteSpec{
			{"We [will|are going to] find out [exactly|precisely] what happened near {T}", "and those responsible will be punished"},
			{"[It was|This was] [like a nightmare|a nightmare] on the line near {T}", "and I still cannot believe I survived"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Cranes were brought in to lift the overturned carriages.",
			"Passengers described being thrown from their seats.",
			"Rail traffic through {R} was suspended.",
			"Relatives gathered at the station in {T} waiting for news.",
			"The line through {T} is one of the busiest in {C}.",
			"Investigators examined the tracks near {T}.",
			"Local residents helped pull passengers from the wreckage.",
			"Blood donors queued outside the hospital in {T}.",
			"The railway has long complained about a lack of funding.",
			"Buses were laid on to carry stranded passengers.",
		}),
	},
	{
		name:  "mine collapse",
		roles: [5]string{"", "Energy Minister", "Governor", "company spokesperson", "mine director"},
		leads: mustParseAll([]string{
			"A coal mine «collapsed near {T} {W}», trapping miners deep underground.",
			"Part of a coal mine «caved in near {T} {W}», officials said.",
		}),
		headlines: mustParseAll([]string{
			"Mine collapse near {T}", "Race to reach trapped miners near {T}",
			"{S4} faces questions after {T} mine disaster", "Families wait for news at mine near {T}",
		}),
		nums: [4]numSpec{
			rising("death toll", true, 3, 60, 0,
				[]string{"«{N} miners were killed in the collapse near {T}».", "Officials said «{N} miners were killed in the collapse near {T}»."},
				[]string{"«The death toll from the mine collapse near {T} rose to {N}».", "Officials said «the death toll from the mine collapse near {T} had risen to {N}»."}),
			num("miners trapped", qExact, 5, 80, 1,
				"«{N} miners were trapped underground near {T}».", "Rescuers said «{N} miners were trapped underground near {T}»."),
			num("miners on shift", qAbout, 100, 900, 10,
				"«{N} miners were working the shift near {T}» when the roof gave way.", "The company said «{N} miners were working the shift near {T}»."),
			num("rescuers at the mine", qAbout, 100, 2000, 50,
				"«{N} rescuers were working at the mine near {T}».", "Officials said «{N} rescuers were working at the mine near {T}»."),
		},
		framing: [2]tmpl{
			mustParse("The company called it «a natural disaster that nobody foresaw near {T}»."),
			mustParse("Miners called it «the result of safety failures at the mine near {T}»."),
		},
		framingLabel: "what caused the collapse",
		claims: [2]claimForms{
			claim("warnings ignored", "the owners of the mine near {T}", "have", "ignored safety warnings"),
			claim("a second shaft flooding", "a second shaft near {T}", "has", "flooded"),
		},
		quotes: []quoteSpec{
			{"We [will not|won't] give up [until|before] every miner near {T} is found", "and we are using every machine we have"},
			{"[Safety|Safety rules] at the mine near {T} [were|have been] ignored for [years|a long time]", "and now families are paying the price"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Families gathered at the gates of the mine, waiting for news.",
			"Rescuers worked in shifts to clear the rubble underground.",
			"Ambulances waited near the mine entrance.",
			"Mining is the main source of work in {R}.",
			"Previous accidents in the region had raised concerns about safety.",
			"Miners said ventilation in the shafts had been poor.",
			"The company suspended work at its other pits in {R}.",
			"A priest led prayers for the trapped men.",
			"Trade unions demanded an independent investigation.",
			"Coal from the pits near {T} is sold across {C}.",
		}),
	},
	{
		name:      "summit",
		roles:     [5]string{"", "Foreign Minister", "Mayor", "summit spokesperson", "{Fadj} President"},
		p4Foreign: true,
		leads: mustParseAll([]string{
			"Regional leaders «gathered in {T} {W}» for a summit on security and trade.",
			"A regional summit «opened in {T} {W}», with security and trade at the top of the agenda.",
		}),
		headlines: mustParseAll([]string{
			"Leaders meet in {T} for regional summit", "{S0} hosts summit in {T}",
			"Security and trade dominate {T} summit", "{S4} joins talks in {T}",
		}),
		nums: [4]numSpec{
			rising("protesters detained", true, 5, 200, 0,
				[]string{"«{N} protesters were detained in {T}» during the summit.", "Police said «{N} protesters were detained in {T}»."},
				[]string{"«The number of protesters detained in {T} rose to {N}».", "Police said «the number of protesters detained in {T} had risen to {N}»."}),
			num("delegations", qExact, 5, 30, 1,
				"«Delegations from {N} countries arrived in {T}» for the talks.", "Organisers said «delegations from {N} countries arrived in {T}»."),
			num("police deployed", qAbout, 1000, 15000, 500,
				"«{N} police officers were deployed in {T}» for the summit.", "The interior ministry said «{N} police officers were deployed in {T}»."),
			num("agreements signed", qExact, 3, 20, 1,
				"«{N} agreements were signed in {T}».", "Officials said «{N} agreements were signed in {T}»."),
		},
		framing: [2]tmpl{
			mustParse("The hosts called it «a historic breakthrough for the region, agreed in {T}»."),
			mustParse("Diplomats described it as «a largely ceremonial gathering in {T}»."),
		},
		framingLabel: "what the summit achieved",
		claims: [2]claimForms{
			claim("a delegation joining", "a delegation from {F} that arrived in {T}", "has", "joined the talks"),
			claim("journalists detained", "security forces in {T}", "have", "detained foreign journalists"),
		},
		quotes: []quoteSpec{
			{"[Much|A great deal] depends on [cooperation|the cooperation] between our countries, and {T} [shows|proves] it", "so we must keep talking"},
			{"The talks in {T} [were|have been] [open|frank] and [useful|productive]", "and we agreed to meet again soon"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Flags of the participating countries lined the main street of {T}.",
			"Roads in the centre of {T} were closed to traffic.",
			"The leaders posed for a group photograph.",
			"Journalists were kept at a distance from the venue.",
			"Trade and border security dominated the agenda.",
			"Several bilateral meetings took place on the sidelines.",
			"The host government hoped the summit would raise its profile.",
			"Residents of {T} complained about the disruption.",
			"A gala dinner was held for the delegations.",
			"Energy cooperation was also discussed.",
		}),
	},
	{
		name:      "visit",
		roles:     [5]string{"", "Foreign Minister", "Governor", "presidential spokesperson", "{Fadj} Prime Minister"},
		p4Foreign: true,
		leads: mustParseAll([]string{
			"{P4} «arrived in {T} {W}» for talks with {P0}.",
			"«{P4} landed in {T} {W}» at the start of an official visit to {C}.",
		}),
		headlines: mustParseAll([]string{
			"{S4} visits {T}", "{S0} welcomes {S4} in {T}",
			"{S4} in {T} for talks", "Visit to {T} highlights ties with {F}",
		}),
		nums: [4]numSpec{
			rising("protesters detained", true, 5, 150, 0,
				[]string{"«{N} protesters were detained in {T}» during the visit.", "Police said «{N} protesters were detained in {T}»."},
				[]string{"«The number of protesters detained in {T} rose to {N}».", "Police said «the number of protesters detained in {T} had risen to {N}»."}),
			num("troops stationed", qAbout, 2000, 9000, 500,
				"«{N} {Fadj} soldiers are stationed near {T}».", "Officials said «{N} {Fadj} soldiers are stationed near {T}»."),
			num("agreements signed", qExact, 3, 20, 1,
				"«{N} agreements were signed in {T}» during the visit.", "Officials said «{N} agreements were signed in {T}»."),
			num("police deployed", qAbout, 500, 8000, 500,
				"«{N} police officers were deployed in {T}» for the visit.", "The interior ministry said «{N} police officers were deployed in {T}»."),
		},
		framing: [2]tmpl{
			mustParse("State media called it «a landmark visit that opens a new chapter for {T}»."),
			mustParse("Diplomats described it as «a routine working visit to {T}»."),
		},
		framingLabel: "how significant the visit is",
		claims: [2]claimForms{
			claim("troops on alert", "{Fadj} troops stationed near {T}", "have", "been placed on alert"),
			claim("fighters joining militias", "fighters from across the border near {T}", "have", "joined local militias"),
		},
		quotes: []quoteSpec{
			{"Our [friendship|partnership] with {F} [is|remains] strong, and {T} is proof of that", "whatever others say"},
			{"We [came|have come] to {T} to [listen|hear] and [to help|help]", "not to give lectures"},
			genericQuote,
		},
		fillers: mustParseAll([]string{
			"Crowds lined the streets of {T} to watch the motorcade.",
			"The two leaders laid wreaths at a memorial in {T}.",
			"A military band played at the airport.",
			"Security in {T} was tighter than usual.",
			"The visit had been planned for months.",
			"Business leaders travelled with the delegation.",
			"Ties between {C} and {F} go back a long way.",
			"The visit was broadcast live on state television.",
			"Students waved flags outside the university in {T}.",
			"The talks were held behind closed doors.",
		}),
	},
}

// Story-independent sentence templates.
var (
	priorTmpls = mustParseAll([]string{
		"{P5} «visited {T} {W}» for talks with regional officials.",
		"«{W}, {P5} visited {T}» to meet regional officials.",
	})
	sinceTmpls = mustParseAll([]string{
		"«{T} has been the administrative centre of {R} since {W}», and it remains the province's busiest market town.",
		"Local historians note that «{T} has served as the capital of {R} since {W}».",
	})
	basesTmpls = [2]tmpl{
		mustParse("{F} maintains «{Y} military bases in {C}, one of them on the edge of {T}»."),
		mustParse("«The {Y} {Fadj} military base in {T}», the largest outside {F}, is home to several units."),
	}
	paraphraseTmpl = mustParse("{P2} «publicly {V} {P1} over the handling of events in {T}».")
	paraphrases    = [][2]string{{"criticised", "rebuked"}, {"praised", "commended"}, {"defended", "stood by"}}
	scopeTmpls     = [2]tmpl{
		mustParse("«Many families in {T} depend on money sent home by {N} {Cadj} migrant workers in {F}»."),
		mustParse("«Many families in {T} depend on money sent home by millions of migrant workers from across the {M}»."),
	}
	quoteFrames = mustParseAll([]string{
		"“«{Q}»,” {PX} said.",
		"“«{Q}»,” {PX} told reporters in {Cap}.",
		"“«{Q}»,” {PX} said in a statement.",
	})
	personTmpls = mustParseAll([]string{
		"{PX} travelled to {T} to meet local officials.",
		"{PX} urged residents of {T} to remain calm.",
		"{PX} spoke to reporters outside the regional administration building in {T}.",
		"{PX} promised a full account of what happened in {T}.",
		"{PX} has faced criticism over events in {T}.",
		"{PX} thanked volunteers and local officials in {T}.",
		"{PX} called for calm and patience.",
		"{PX} declined to answer questions from reporters in {Cap}.",
		"{PX} spent much of the day in meetings in {Cap}.",
		"{PX} has long been a familiar figure in public life.",
		"{PX} returned to {Cap} late in the evening.",
		"Supporters of {PX} gathered in the centre of {T}.",
		"{PX} chaired a meeting of officials in {Cap}.",
		"{PX} appeared on television to address the public.",
	})
	fillerSubjects = mustParseAll([]string{
		"Residents of {T}", "Analysts in {Cap}", "Diplomats in {Cap}", "Local officials", "Aid workers in {T}",
		"Opposition politicians", "Business owners in {T}", "Observers", "Commentators on state television",
		"Community leaders in {T}", "Economists", "Human rights groups",
	})
	fillerVerbs   = []string{"said", "noted", "argued", "pointed out", "stressed", "believe"}
	fillerClauses = mustParseAll([]string{
		"the government in {Cap} had been slow to respond",
		"the mood in {T} remained tense",
		"trust in public institutions had been eroding for years",
		"the region had long been neglected by the authorities",
		"prices for basic goods in {T} had risen sharply",
		"the roads leading to {T} were in poor condition",
		"relations between {C} and {F} remained close",
		"the economy of {C} depends heavily on energy imports",
		"young people continue to leave {T} in search of work",
		"the local hospital was struggling to cope",
		"public anger was directed mainly at regional officials",
		"the events in {T} would be closely watched abroad",
		"the authorities were keen to show that they were in control",
		"little information was reaching the outside world",
		"state media had given the events in {T} extensive coverage",
		"the opposition had little influence in {R}",
		"schools and markets in {T} remained closed",
		"electricity and water supplies had been disrupted",
		"foreign governments had offered assistance",
		"the situation had exposed deep problems in the way {R} is governed",
		"neighbouring countries were following developments closely",
		"crises have followed one another across the {M} in recent years",
		"many families in {T} have relatives working abroad",
		"the central government and regional authorities disagreed on priorities",
		"the response had been better organised than in the past",
		"local volunteers had done much of the early work",
		"independent journalists had struggled to reach {T}",
		"corruption remains a serious problem in {C}",
		"the capital and the provinces live in different worlds",
		"the crisis would test the government's promises",
		"the main road between {T} and {Cap} was crowded with traffic",
		"shops in the centre of {T} had reopened",
		"international organisations were preparing to send experts",
		"the events had dominated conversations in cafes across {Cap}",
		"ordinary people were paying the price for years of poor planning",
		"officials were reluctant to speak on the record",
		"the mood in {Cap} was calmer than in {T}",
		"the government's critics had been largely silent",
		"a sense of uncertainty hung over {T}",
		"many people in {T} felt forgotten",
		"questions about accountability would not go away",
		"the country's institutions were under strain",
		"religious leaders had called for unity",
		"the ties between {C} and its neighbours were being tested",
		"decisions were being made in {Cap} rather than in {T}",
	})
	genericFillers = mustParseAll([]string{
		"{T} lies in a valley surrounded by farmland and low hills.",
		"The town is known across {C} for its markets and its old railway station.",
		"{R} is one of the poorer provinces of {C}.",
		"Many of the buildings in {T} date from the last century.",
		"Most residents of {T} work in agriculture or small trade.",
		"{C} has close economic and security ties with {F}.",
		"The road from {Cap} to {T} winds through mountain passes.",
		"The government in {Cap} has promised to invest more in the provinces.",
		"Relations between {C} and its neighbours have been uneven.",
		"Local television showed images of crowded streets in {T}.",
		"Social media in {C} was full of photographs from {T}.",
		"The central square of {T} was quiet by nightfall.",
		"{C} is a member of several regional organisations in the {M}.",
		"Remittances from abroad play a large part in the economy of {R}.",
		"The authorities in {C} tightly control the national media.",
		"Independent news outlets in {C} have come under pressure.",
		"Traffic into {T} was restricted for much of the day.",
		"Foreign embassies in {Cap} issued statements of concern.",
		"Markets in {T} were busier than usual.",
		"The streets of {T} were lined with old plane trees and small shops.",
	})
)
