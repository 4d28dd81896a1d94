/** A fixed set of connections to one DuckDB instance; callers wait for a free one. */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export class ConnectionPool {
	private readonly waiters: ((connection: DuckDBConnection) => void)[] = [];

	private constructor(
		private readonly all: DuckDBConnection[],
		private readonly idle: DuckDBConnection[]
	) {}

	static async create(instance: DuckDBInstance, size: number): Promise<ConnectionPool> {
		const connections: DuckDBConnection[] = [];
		for (let i = 0; i < Math.max(1, size); i++) connections.push(await instance.connect());
		return new ConnectionPool(connections, [...connections]);
	}

	/** Run `fn` with a connection of its own; the connection returns to the pool afterwards. */
	async use<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
		const connection = this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiters.push(resolve)));
		try {
			return await fn(connection);
		} finally {
			const next = this.waiters.shift();
			if (next) next(connection);
			else this.idle.push(connection);
		}
	}

	/** Disconnect every connection; only call when no query runs. */
	close(): void {
		for (const connection of this.all) connection.disconnectSync();
		this.idle.length = 0;
	}
}
