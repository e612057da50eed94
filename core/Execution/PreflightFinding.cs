namespace SesBot.Core.Execution;

/// <summary>Something the pre-flight check found, with what to do about it. A blocker means the call would be refused.</summary>
public sealed record PreflightFinding(PreflightSeverity Severity, string Text, string? WhatToDo = null);
