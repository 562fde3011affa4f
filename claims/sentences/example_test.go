package sentences_test

import (
	"fmt"

	"github.com/crosscheck/crosscheck/claims/sentences"
)

func ExampleSplit() {
	text := "Putin in Tajikistan\n\nGen. Michael Kurilla visited the U.S. Embassy at 7 p.m. Tuesday. “We act,” he said. Trade rose 46.2 percent."
	for _, sp := range sentences.Split(text) {
		fmt.Printf("%d-%d %s\n", sp.Start, sp.End, sp.In(text))
	}
	// Output:
	// 0-19 Putin in Tajikistan
	// 21-85 Gen. Michael Kurilla visited the U.S. Embassy at 7 p.m. Tuesday.
	// 86-108 “We act,” he said.
	// 109-133 Trade rose 46.2 percent.
}
