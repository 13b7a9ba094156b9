"""tools/video"""
