//! Client runtime (placeholder until the runtime lands).
