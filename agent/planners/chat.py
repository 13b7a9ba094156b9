"""The `chat` backend: any LangChain chat model plans, local (Ollama, an OpenAI-compatible server) or remote.

    v2m score clip.mp4 "in jazz" --backend chat --model ollama:qwen2.5vl:7b
    v2m score clip.mp4 "in jazz" --backend chat --model openai:Qwen/Qwen2.5-VL-7B-Instruct \
        --base-url http://localhost:8000/v1

The model is made by `langchain.chat_models.init_chat_model("provider:name", base_url=...)`, so the
provider's integration package must be installed (langchain-ollama, langchain-openai, ...). Keyframes
go in the first user message as base64 JPEG image parts; `--frames none` sends the facts only, for
text-only models.
"""

from __future__ import annotations

import base64
import io
import logging

from v2m.tools.errors import InputError, MissingDependency

log = logging.getLogger(__name__)


def image_part(img, quality: int = 80) -> dict:
    """A PIL image as a LangChain/OpenAI-style image content part (data URL)."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG", quality=quality)
    url = "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()
    return {"type": "image_url", "image_url": {"url": url}}


def content_text(content) -> str:
    """The text of a chat model's reply content (a string, or a list of content blocks)."""
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") in ("text", "output_text"):
            parts.append(block.get("text", ""))
    return "".join(parts)


def load_chat_model(model: str, *, base_url: str | None = None, temperature: float = 0.0, **kwargs):
    """Build a LangChain chat model from "provider:name", turning setup failures into one-line errors.

    Args:
        model: e.g. "ollama:llama3.2", "openai:gpt-4o-mini", or a name init_chat_model can infer.
        base_url: the server's URL, when not the provider's default.
        temperature: 0 for reproducible plans.
        **kwargs: passed to init_chat_model (api_key, max_tokens, ...).
    Returns:
        A BaseChatModel.
    Raises:
        MissingDependency: langchain or the provider's package is not installed.
        InputError: the provider is unknown or the model string malformed.
    """
    try:
        from langchain.chat_models import init_chat_model
    except ImportError:
        raise MissingDependency("the chat backend needs langchain: pip install 'v2m[chat]'") from None
    if base_url:
        kwargs["base_url"] = base_url
    try:
        return init_chat_model(model, temperature=temperature, **kwargs)
    except ImportError as e:
        hint = str(e).strip().splitlines()[0] if str(e).strip() else e.name
        raise MissingDependency(f"--model {model}: {hint}") from None
    except (ValueError, TypeError) as e:
        raise InputError(f"--model {model}: {str(e).strip().splitlines()[0]} "
                         "(write provider:name, e.g. ollama:llama3.2 or openai:gpt-4o-mini)") from None


class ChatBackend:
    """A LangChain chat model as a v2m planner backend.

    Args:
        model: "provider:name" for init_chat_model, or a ready BaseChatModel instance.
        base_url: endpoint for the provider (Ollama, vLLM, llama.cpp server, LM Studio ...).
        temperature: sampling temperature; 0 for reproducible plans.
        **kwargs: more init_chat_model options.
    """

    name = "chat"
    frames_mode = "images"

    def __init__(self, model, *, base_url: str | None = None, temperature: float = 0.0, **kwargs):
        if isinstance(model, str):
            self.model_name = model + (f" at {base_url}" if base_url else "")
            self.model = load_chat_model(model, base_url=base_url, temperature=temperature, **kwargs)
        else:
            self.model_name, self.model = type(model).__name__, model

    def to_langchain(self, messages: list[dict], frames: list) -> list:
        """v2m's plain messages as LangChain messages; the frames join the first user message."""
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        out, placed = [], False
        for m in messages:
            if m["role"] == "system":
                out.append(SystemMessage(content=m["content"]))
            elif m["role"] == "assistant":
                out.append(AIMessage(content=m["content"]))
            elif frames and not placed:
                out.append(HumanMessage(content=[*(image_part(f) for f in frames),
                                                 {"type": "text", "text": m["content"]}]))
                placed = True
            else:
                out.append(HumanMessage(content=m["content"]))
        return out

    def generate(self, messages: list[dict], frames: list) -> str:
        """Ask the chat model. Args: messages, frames (PIL). Returns: the reply's text."""
        reply = self.model.invoke(self.to_langchain(messages, frames))
        return content_text(reply.content)
