namespace RsiSim.Storage.Schema;

/// <summary>The run database's tables, version 1. docs/run-store.md describes every column.</summary>
internal static class RunSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, scenario_yaml TEXT NOT NULL,
            task_id TEXT NOT NULL, size TEXT NOT NULL, seed TEXT NOT NULL, trials INTEGER NOT NULL,
            machine TEXT NOT NULL, machine_id TEXT NOT NULL, tool_version TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE arms (
            name TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, agent TEXT NOT NULL, options_json TEXT NOT NULL);
        CREATE TABLE trials (
            arm TEXT NOT NULL REFERENCES arms(name), trial INTEGER NOT NULL, seed TEXT NOT NULL, started_at TEXT NOT NULL,
            resumes INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, best_speedup REAL NOT NULL DEFAULT 1.0,
            best_hash TEXT, finished_at TEXT, stop_reason TEXT,
            PRIMARY KEY (arm, trial));
        CREATE TABLE candidates (
            hash TEXT PRIMARY KEY, parent_hash TEXT, moves_json TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY, arm TEXT NOT NULL, trial INTEGER NOT NULL, attempt INTEGER NOT NULL,
            status TEXT NOT NULL, candidate_hash TEXT, parent_hash TEXT, description TEXT NOT NULL, moves_json TEXT NOT NULL,
            speedup REAL, best_speedup REAL NOT NULL, detail TEXT NOT NULL,
            input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cost TEXT NOT NULL, simulated_minutes REAL NOT NULL,
            spent_attempts INTEGER NOT NULL, spent_wall_seconds REAL NOT NULL, spent_tokens INTEGER NOT NULL,
            spent_money TEXT NOT NULL, spent_hours REAL NOT NULL, random_state TEXT NOT NULL, recorded_at TEXT NOT NULL,
            UNIQUE (arm, trial, attempt), FOREIGN KEY (arm, trial) REFERENCES trials(arm, trial));
        CREATE INDEX attempts_by_status ON attempts(status);
        CREATE TABLE evaluations (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id), status TEXT NOT NULL, summary TEXT NOT NULL,
            checks_json TEXT NOT NULL, diagnostics_json TEXT NOT NULL, timed INTEGER NOT NULL,
            speedup REAL, ci_low REAL, ci_high REAL, output TEXT NOT NULL, from_cache INTEGER NOT NULL);
        CREATE TABLE measurements (
            attempt_id INTEGER NOT NULL REFERENCES attempts(id), side TEXT NOT NULL CHECK (side IN ('baseline', 'candidate')),
            repetition INTEGER NOT NULL, seconds REAL NOT NULL,
            PRIMARY KEY (attempt_id, side, repetition));
        CREATE TABLE llm_calls (
            id INTEGER PRIMARY KEY, arm TEXT NOT NULL, trial INTEGER NOT NULL, attempt INTEGER NOT NULL,
            request_json TEXT NOT NULL, reply_json TEXT, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
            cost TEXT NOT NULL, latency_ms INTEGER NOT NULL, retries INTEGER NOT NULL, error TEXT, called_at TEXT NOT NULL);
        CREATE TABLE resumes (id INTEGER PRIMARY KEY, resumed_at TEXT NOT NULL, attempts_recorded INTEGER NOT NULL);
        CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, arm TEXT NOT NULL, trial INTEGER NOT NULL, line TEXT NOT NULL);
        """;
}
