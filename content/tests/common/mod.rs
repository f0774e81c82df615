//! Helpers shared by the content tests: break a file at one spot, then look for the error.

use two_hats_content::ContentError;

/// `text` with the first `find` replaced; a fixture that no longer matches fails loudly
/// instead of testing an unbroken file.
pub fn replaced(text: &str, find: &str, replace: &str) -> String {
    assert!(
        text.contains(find),
        "fixture text {find:?} is not in the file"
    );
    text.replacen(find, replace, 1)
}

pub fn assert_reported(errors: &[ContentError], at: &str, message_part: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.at == at && e.message.contains(message_part)),
        "expected an error at {at} mentioning {message_part:?}, got {errors:#?}"
    );
}
