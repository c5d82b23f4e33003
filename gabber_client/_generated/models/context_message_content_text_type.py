from typing import Literal

ContextMessageContentTextType = Literal["text"]

CONTEXT_MESSAGE_CONTENT_TEXT_TYPE_VALUES: set[ContextMessageContentTextType] = {
    "text",
}


def check_context_message_content_text_type(value: str) -> ContextMessageContentTextType:
    if value in CONTEXT_MESSAGE_CONTENT_TEXT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}, expected 'text'")
