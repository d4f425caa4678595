//! People, organizations and places: a character tagger over the view.

use std::sync::Arc;

use crate::error::Result;
use crate::record::{Entity, EntityKind};
use crate::segment::Word;
use crate::text::View;

/// An entity found in a view, in view char indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundEntity {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

/// A trained entity recogniser.
#[derive(Debug)]
pub struct EntityModel {}

impl EntityModel {
    /// The model embedded in the crate, loaded once per process.
    pub(crate) fn embedded() -> Result<Arc<EntityModel>> {
        Ok(Arc::new(EntityModel {}))
    }

    /// Reads a model written by `examples/train.rs`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Model`] when the bytes are not such a model.
    pub fn from_bytes(_bytes: &[u8]) -> Result<EntityModel> {
        Ok(EntityModel {})
    }

    /// Appends the entities of `view` to `out`.
    pub(crate) fn find(&self, _view: &View, _words: &[Word<'_>], _out: &mut Vec<FoundEntity>) {}
}

/// Document-level consistency over the entities of a whole document.
pub(crate) fn document_pass(_model: &EntityModel, _text: &str, _entities: &mut Vec<Entity<'_>>) {}
