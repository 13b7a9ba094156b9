"""tools/audio"""
