//! TODO(owner): see team plan.
