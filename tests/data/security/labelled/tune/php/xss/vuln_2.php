<?php
$comment = $_POST['comment'];
print("<div>$comment</div>");
