"""Sandbox lifecycle steps, run by the task worker through sandbox.pace.schedule."""
