from .. import base as parent_base
from ..base import helper
from . import leaf
