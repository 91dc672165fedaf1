//! The `loyal-agent` command lines the agent tests share.

#![allow(dead_code)]

/// `loyal-agent staff` publishing SuperMarathon 2026's results from the file `results`
/// under `request`.
pub fn results_staff(deployment: &str, request: &str, results: &str) -> Vec<String> {
    [
        "staff",
        "--org",
        "SuperMarathon",
        "--deployment",
        deployment,
        "--workflow",
        "supermarathon.results",
        "--request",
        request,
        "--input",
        "event=SuperMarathon 2026",
        "--input",
        "date=2026-11-29",
        "--input-file",
        &format!("results={results}"),
    ]
    .map(str::to_owned)
    .to_vec()
}
