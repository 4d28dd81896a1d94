/** The shape every benchmark suite has, so bench/run.ts can run, print and summarise any of them. */

export interface BenchOptions {
	/** Gemeenten of the national-scale export set. */
	gemeenten: number;
	/** Exports for the ingest suite (default: the generated national set). */
	dir?: string;
	/** Alternating runs of ingest and bare read_csv. */
	runs: number;
	/** Seconds of load per page. */
	duration: number;
	connections: number;
	/** Timed calls per query function (and as many direct runs). */
	samples: number;
}

/** One line of the closing table: a headline figure, its reference from the same run, their ratio. */
export interface SummaryLine {
	meting: string;
	waarde: string;
	referentie: string;
	/** waarde ÷ referentie, in the sense the line states. */
	verhouding: number;
	/** The target, when there is one. */
	doel?: string;
	gehaald?: boolean;
}

export interface Suite<R> {
	name: string;
	/** One line saying what is measured and against what. */
	title(options: BenchOptions): string;
	run(options: BenchOptions): Promise<R>;
	print(result: R): void;
	summary(result: R): SummaryLine[];
}
