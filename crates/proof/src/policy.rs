//! What a verifier accepts: its own audience and purpose, its clock and tolerances, and the
//! requirements the claims must meet. [`Policy::check`] is everything that needs no network.

use crate::error::{ProofError, Result};
use crate::presentation::{Claim, Presentation};
use crate::requirement::Requirement;
use core::time::Duration;
use loyal_core::time::Timestamp;

#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// This verifier's origin, compared byte for byte with the presentation's.
    pub audience: String,
    pub purpose: String,
    /// The verifier's clock.
    pub now: Timestamp,
    /// How far the holder's clock may run ahead of the verifier's (default 30 s).
    pub max_skew: Duration,
    /// How old a presentation may be, whatever its own expiry says (default 5 min).
    pub max_age: Duration,
    /// How far behind consensus the mirror may be (default 5 s). Ownership is read only once
    /// the mirror lists a transaction at or after the end of the presentation's issued-at
    /// second, or, on a network with none since, once that instant + this lag has passed on
    /// the verifier's clock: a transfer made before signing is then visible. Zero reads at once
    /// (for a mirror known to be current, e.g. a devnet without lag).
    pub max_mirror_lag: Duration,
    pub requirements: Vec<Requirement>,
}

impl Policy {
    pub fn new(audience: impl Into<String>, purpose: impl Into<String>, now: Timestamp) -> Self {
        Self {
            audience: audience.into(),
            purpose: purpose.into(),
            now,
            max_skew: Duration::from_secs(30),
            max_age: Duration::from_secs(300),
            max_mirror_lag: Duration::from_secs(5),
            requirements: Vec::new(),
        }
    }

    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = audience.into();
        self
    }

    pub fn with_purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = purpose.into();
        self
    }

    pub fn with_now(mut self, now: Timestamp) -> Self {
        self.now = now;
        self
    }

    pub fn with_max_skew(mut self, skew: Duration) -> Self {
        self.max_skew = skew;
        self
    }

    pub fn with_max_age(mut self, age: Duration) -> Self {
        self.max_age = age;
        self
    }

    pub fn with_max_mirror_lag(mut self, lag: Duration) -> Self {
        self.max_mirror_lag = lag;
        self
    }

    pub fn with_requirement(mut self, requirement: Requirement) -> Self {
        self.requirements.push(requirement);
        self
    }

    pub fn with_requirements(
        mut self,
        requirements: impl IntoIterator<Item = Requirement>,
    ) -> Self {
        self.requirements.extend(requirements);
        self
    }

    /// Audience, purpose, validity window and the claims' shape against the requirements:
    /// what can be refused before any network read.
    pub fn check(&self, p: &Presentation) -> Result<()> {
        for r in &self.requirements {
            r.validate()?;
        }
        if p.audience != self.audience {
            return Err(ProofError::WrongAudience {
                field: "audience",
                expected: self.audience.clone(),
                got: p.audience.clone(),
            });
        }
        if p.purpose != self.purpose {
            return Err(ProofError::WrongAudience {
                field: "purpose",
                expected: self.purpose.clone(),
                got: p.purpose.clone(),
            });
        }
        let now = self.now.as_nanos();
        let skew = self.max_skew.as_nanos() as i128;
        if p.issued_at.as_nanos() > now + skew {
            return Err(ProofError::NotYetValid {
                issued_at: p.issued_at,
                now: self.now,
            });
        }
        let too_old = p.issued_at.as_nanos() + self.max_age.as_nanos() as i128 + skew < now;
        if p.expires_at.as_nanos() < now || p.expires_at <= p.issued_at || too_old {
            return Err(ProofError::Expired {
                expires_at: p.expires_at,
                now: self.now,
            });
        }
        self.assign(&p.sorted_claims()).map(|_| ())
    }

    /// For each requirement, the index of a distinct claim it admits: first fit, claims in
    /// canonical order, before anything is read (so two requirements on one collection with
    /// different predicates take its claims in serial order).
    pub(crate) fn assign(&self, claims: &[Claim]) -> Result<Vec<usize>> {
        let mut used = vec![false; claims.len()];
        let mut out = Vec::with_capacity(self.requirements.len());
        for r in &self.requirements {
            let i = (0..claims.len())
                .find(|&i| !used[i] && r.admits(&claims[i]))
                .ok_or_else(|| ProofError::ClaimMissing {
                    requirement: r.to_string(),
                })?;
            used[i] = true;
            out.push(i);
        }
        Ok(out)
    }
}
