//! The server's one error answer: an HTTP status and `{"error":"…"}`, made
//! from the library's typed errors. Nothing here panics on bad input.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::align::paired::PairError;
use crate::align::release::ReleaseError;
use crate::concord::cache::ConcordFileError;
use crate::documents::DocumentError;
use crate::memory::query::QueryError;
use crate::memory::regroup::{RegroupError, RegroupFileError};
use crate::memory::MemoryError;
use crate::report::suggest::SuggestError;

/// An error answer: status and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// 400: the request asks for something that cannot be done.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 422: the request is well formed but its content cannot be used.
    pub fn unprocessable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
        }
    }

    /// 500: the server failed (a task that ended badly).
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        (self.status, Json(body)).into_response()
    }
}

impl From<MemoryError> for ApiError {
    fn from(e: MemoryError) -> ApiError {
        let status = match e {
            MemoryError::Missing { .. } => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            message: e.to_string(),
        }
    }
}

impl From<QueryError> for ApiError {
    fn from(e: QueryError) -> ApiError {
        match e {
            QueryError::Memory(m) => m.into(),
            other => ApiError {
                status: StatusCode::NOT_FOUND,
                message: other.to_string(),
            },
        }
    }
}

impl From<SuggestError> for ApiError {
    fn from(e: SuggestError) -> ApiError {
        match e {
            SuggestError::Memory(m) => m.into(),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<ConcordFileError> for ApiError {
    fn from(e: ConcordFileError) -> ApiError {
        match e {
            ConcordFileError::Memory(m) => m.into(),
            ConcordFileError::Phrase(p) => ApiError::bad_request(p.to_string()),
        }
    }
}

impl From<ReleaseError> for ApiError {
    fn from(e: ReleaseError) -> ApiError {
        ApiError::bad_request(e.to_string())
    }
}

impl From<PairError> for ApiError {
    fn from(e: PairError) -> ApiError {
        ApiError::bad_request(e.to_string())
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> ApiError {
        ApiError::internal(format!("the request's work failed: {e}"))
    }
}

impl From<DocumentError> for ApiError {
    fn from(e: DocumentError) -> ApiError {
        let status = match e {
            DocumentError::LegacyDoc { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            DocumentError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError {
            status,
            message: e.to_string(),
        }
    }
}

impl From<RegroupFileError> for ApiError {
    fn from(e: RegroupFileError) -> ApiError {
        match e {
            RegroupFileError::Query(q) => q.into(),
            RegroupFileError::Regroup(r) => r.into(),
        }
    }
}

impl From<RegroupError> for ApiError {
    fn from(e: RegroupError) -> ApiError {
        ApiError {
            status: StatusCode::CONFLICT,
            message: e.to_string(),
        }
    }
}
