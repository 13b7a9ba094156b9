"""tools/music"""
