"""A scripted LangChain chat model for tests: answers from a list, records what it was sent, binds tools.

langchain_core's GenericFakeChatModel cannot bind tools; agents need `bind_tools`, so this small
BaseChatModel subclass plays a tool-calling model from a script of AIMessages (or plain strings).
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedChatModel(BaseChatModel):
    script: list = []
    calls: list = []
    tool_names: list = []

    @property
    def _llm_type(self) -> str:
        return "scripted-chat"

    def bind_tools(self, tools, **kwargs: Any):
        from langchain_core.utils.function_calling import convert_to_openai_tool

        self.tool_names = [convert_to_openai_tool(t)["function"]["name"] for t in tools]
        return self

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        self.calls.append(list(messages))
        if not self.script:
            raise RuntimeError("scripted chat model has no reply left")
        reply = self.script.pop(0)
        if callable(reply):  # a reply that depends on what the model was shown (e.g. a tool result)
            reply = reply(messages)
        msg = reply if isinstance(reply, AIMessage) else AIMessage(content=reply)
        return ChatResult(generations=[ChatGeneration(message=msg)])
